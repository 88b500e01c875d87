package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;

/**
 * References to a model of a library folder ({@code iri: tvbo:NAME}, keyed {@code dynamics: {NAME: ...}}): the
 * library model's fields with the written ones laid over them leaf by leaf, and every way of getting it wrong refused
 * in one line at the user's own place (or, for a fault of the library model, at its place in the library file).
 * The library is {@code src/test/resources/org/lemsbridge/experiment/models} (Relax2d, decay, Broken).
 */
class ModelReferencesTest {

    private static final String RUN = "integration: {method: euler, step_size: 0.01, duration: 1.0}\n";

    @TempDir
    Path dir;

    static Path folder() {
        try {
            return Path.of(ModelReferencesTest.class.getResource("/org/lemsbridge/experiment/models").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelLibrary library() {
        return ModelLibrary.at(folder(), Confinement.NONE, SourceLocation.unknown("--models"));
    }

    private static Experiment read(String yaml) {
        return ExperimentReader.read(yaml, "exp.yaml", null, library());
    }

    private static BadInputException refused(String yaml, ModelLibrary library) {
        return assertThrows(BadInputException.class, () -> ExperimentReader.read(yaml, "exp.yaml", null, library));
    }

    @Test
    void anIriWithAnOverriddenValueIsTheLibraryModelWithThatValueAndEverythingElseKept() {
        Dynamics d = read("dynamics:\n  iri: tvbo:Relax2d\n  parameters:\n    a: {value: 0.9}\n" + RUN).dynamics();
        assertEquals("Relax2d", d.name());
        assertEquals("tvbo:Relax2d", d.iri());
        assertEquals(List.of("a", "b", "tau", "I"), List.copyOf(d.parameters().keySet()), "the library's order");
        Parameter a = d.parameters().get("a");
        assertEquals(0.9, a.value());
        assertEquals("offset of the slow nullcline", a.description(), "the override changes the value only");
        assertTrue(a.extras().has("domain"), "the library's other fields stay: " + a.extras());
        assertTrue(a.location().file().endsWith("Relax2d.yaml"), "a parameter is where the library defines it");
        assertEquals(0.8, d.parameters().get("b").value());
        assertEquals("(v + a - b*w)/tau", d.stateVariables().get("w").equation().rhs());
        assertTrue(d.extras().has("coupling_terms"));
    }

    @Test
    void aBareValueOverridesAParameterValueAndAnInitialValueKeepsTheEquation() {
        Dynamics d = read("dynamics:\n  iri: tvbo:Relax2d\n  parameters: {tau: 20}\n"
                + "  state_variables:\n    v: {initial_value: 0.25}\n" + RUN).dynamics();
        assertEquals(20.0, d.parameters().get("tau").value());
        assertEquals("time constant of the slow variable", d.parameters().get("tau").description());
        StateVariable v = d.stateVariables().get("v");
        assertEquals(0.25, v.initialValue());
        assertEquals("v - v**3/3 - w + I + c_glob", v.equation().rhs());
        assertEquals("fast variable", ((RawValue.Scalar) v.extras().get("description")).text());
        assertEquals(1.0, d.stateVariables().get("w").initialValue(), "w keeps the library's start");
    }

    @Test
    void theKeyedFormIsTheSameModelAsTheIri() {
        Dynamics keyed = read("dynamics:\n  Relax2d:\n    parameters: {a: {value: 0.9}}\n" + RUN).dynamics();
        Dynamics iri = read("dynamics:\n  iri: tvbo:Relax2d\n  parameters: {a: {value: 0.9}}\n" + RUN).dynamics();
        assertEquals(iri.withoutLocations().parameters(), keyed.withoutLocations().parameters());
        assertEquals(iri.withoutLocations().stateVariables(), keyed.withoutLocations().stateVariables());
        assertEquals("Relax2d", keyed.name());
        assertNull(keyed.iri());
        Dynamics bare = read("dynamics:\n  Relax2d:\n" + RUN).dynamics();
        assertEquals(0.7, bare.parameters().get("a").value(), "a key with nothing under it is the library model");
    }

    @Test
    void aKeyedModelWithItsOwnEquationsIsThatModelNotALookUp() {
        Dynamics d = ExperimentReader.read("dynamics:\n  Mine:\n    state_variables:\n      x: {equation: {rhs: '-x'}}\n"
                + RUN, "exp.yaml", null, ModelLibrary.NONE).dynamics();
        assertEquals("Mine", d.name());
        assertEquals("-x", d.stateVariables().get("x").equation().rhs());
    }

    @Test
    void aLowerCaseKeyIsAModelNameOnlyWhenItHoldsModelFields() {
        Dynamics d = read("dynamics:\n  decay:\n    parameters: {k: {value: 0.25}}\n" + RUN).dynamics();
        assertEquals("decay", d.name());
        assertEquals(0.25, d.parameters().get("k").value());
        assertEquals(2.0, d.stateVariables().get("x").initialValue());
        BadInputException e = refused("dynamics:\n  decay:\n" + RUN, library());
        assertEquals("exp.yaml:2:3: unknown field 'decay' in dynamics (not a field of a TVBO dynamics)", e.oneLine());
    }

    @Test
    void aMisspeltFieldIsNeverReadAsAModelName() {
        BadInputException lower = refused("dynamics:\n  paramters:\n    a: {value: 1.0}\n" + RUN, library());
        assertEquals("exp.yaml:2:3: unknown field 'paramters' in dynamics; did you mean 'parameters'?", lower.oneLine());
        BadInputException upper = refused("dynamics:\n  State_Variables:\n    parameters: {}\n" + RUN, library());
        assertEquals("exp.yaml:2:3: unknown field 'State_Variables' in dynamics; did you mean 'state_variables'?",
                upper.oneLine(), "an upper-case misspelling holding model fields is still a misspelling");
        BadInputException inside = refused("dynamics:\n  Relax2d:\n    paramters: {a: 1.0}\n" + RUN, library());
        assertEquals("exp.yaml:3:5: unknown field 'paramters' in dynamics; did you mean 'parameters'?",
                inside.oneLine());
        BadInputException noLibrary = refused("dynamics:\n  Relax2d:\n    paramters: {a: 1.0}\n" + RUN,
                ModelLibrary.NONE);
        assertEquals(inside.oneLine(), noLibrary.oneLine(), "a misspelling is named before the missing library");
    }

    @Test
    void twoModelsUnderDynamicsAreRefused() {
        BadInputException e = refused("dynamics:\n  Relax2d: {}\n  Broken: {}\n" + RUN, library());
        assertEquals("exp.yaml:3:3: dynamics: one model per experiment, but 'Broken' follows 'Relax2d'", e.oneLine());
    }

    @Test
    void withoutALibraryAReferenceIsOneLineAtTheIriNamingTheOption() {
        BadInputException iri = refused("label: x\ndynamics:\n  parameters: {a: {value: 0.9}}\n"
                + "  iri: tvbo:Generic2dOscillator\n" + RUN, ModelLibrary.NONE);
        assertEquals("exp.yaml:4:8: dynamics.iri 'tvbo:Generic2dOscillator' names a model of TVBO's library; set"
                + " --models DIR (a TVBO checkout's database/models)", iri.oneLine());
        BadInputException keyed = refused("dynamics:\n  Generic2dOscillator:\n    parameters: {a: {value: 0.9}}\n"
                + RUN, ModelLibrary.NONE);
        assertEquals("exp.yaml:2:3: dynamics.Generic2dOscillator names a model of TVBO's library; set"
                + " --models DIR (a TVBO checkout's database/models)", keyed.oneLine());
    }

    @Test
    void aNameNotInTheLibraryGetsTheNearestModelName() {
        BadInputException e = refused("dynamics:\n  iri: tvbo:Relax2D\n" + RUN, library());
        assertTrue(e.oneLine().startsWith("exp.yaml:2:8: dynamics.iri 'tvbo:Relax2D': no model 'Relax2D' in "),
                e.oneLine());
        assertTrue(e.oneLine().endsWith("models; did you mean 'Relax2d'?"), e.oneLine());
        BadInputException keyed = refused("dynamics:\n  Relx2d: {}\n" + RUN, library());
        assertTrue(keyed.oneLine().startsWith("exp.yaml:2:3: dynamics.Relx2d: no model 'Relx2d' in "), keyed.oneLine());
        assertTrue(keyed.oneLine().endsWith("; did you mean 'Relax2d'?"), keyed.oneLine());
    }

    @Test
    void anOverrideOfAnEntryTheModelLacksGetsTheNearestNameAtTheOverride() {
        BadInputException parameter = refused("dynamics:\n  iri: tvbo:Relax2d\n  parameters:\n    b: 0.5\n"
                + "    tauw: {value: 3.0}\n" + RUN, library());
        assertEquals("exp.yaml:5:5: dynamics.parameters.tauw: the library model has no parameter 'tauw'; did you mean"
                + " 'tau'?", parameter.oneLine());
        BadInputException state = refused("dynamics:\n  Relax2d:\n    state_variables:\n      V: {initial_value: 0.0}\n"
                + RUN, library());
        assertEquals("exp.yaml:4:7: dynamics.state_variables.V: the library model has no state variable 'V'; did you"
                + " mean 'v'?", state.oneLine());
        BadInputException none = refused("dynamics:\n  decay:\n    derived_variables: {y: 'x*2'}\n" + RUN, library());
        assertEquals("exp.yaml:3:25: dynamics.derived_variables.y: the library model has no derived variable 'y'",
                none.oneLine());
    }

    @Test
    void aMisspeltFieldInsideAnOverrideIsFoundAtTheOverride() {
        BadInputException e = refused("dynamics:\n  iri: tvbo:Relax2d\n  parameters:\n    a: {valeu: 0.9}\n" + RUN,
                library());
        assertEquals("exp.yaml:4:9: unknown field 'valeu' in dynamics.parameters.a; did you mean 'value'?",
                e.oneLine());
    }

    @Test
    void aFaultOfTheLibraryModelIsReportedInTheLibraryFile() {
        BadInputException e = refused("dynamics:\n  iri: tvbo:Broken\n" + RUN, library());
        assertTrue(e.location().file().endsWith("models/Broken.yaml"), e.oneLine());
        assertEquals(7, e.location().line());
        assertEquals(5, e.location().column());
        assertTrue(e.getMessage().equals("unknown field 'intial_value' in dynamics.state_variables.x; did you mean"
                + " 'initial_value'?"), e.getMessage());
    }

    @Test
    void anIriWithTheModelsOwnEquationsOnlyNamesWhereItCameFrom() {
        Dynamics d = ExperimentReader.read("dynamics:\n  iri: tvbo:Relax2d\n  state_variables:\n"
                + "    x: {equation: {rhs: '-x'}, initial_value: 3.0}\n" + RUN, "exp.yaml", null, ModelLibrary.NONE)
                .dynamics();
        assertEquals(List.of("x"), List.copyOf(d.stateVariables().keySet()));
        assertTrue(d.parameters().isEmpty());
    }

    @Test
    void aModelFileOutsideTheFolderOrTheConfinementIsRefused() throws IOException {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.copy(folder().resolve("decay.yaml"), elsewhere.resolve("decay.yaml"));
        Files.createSymbolicLink(models.resolve("decay.yaml"), elsewhere.resolve("decay.yaml"));
        ModelLibrary linked = ModelLibrary.at(models, Confinement.NONE, SourceLocation.unknown("--models"));
        BadInputException link = refused("dynamics:\n  iri: tvbo:decay\n" + RUN, linked);
        assertTrue(link.oneLine().startsWith("exp.yaml:2:8: dynamics.iri 'tvbo:decay': "), link.oneLine());
        assertTrue(link.oneLine().endsWith("leaves the model folder " + models + " (through a link)"), link.oneLine());
        ModelLibrary confined = ModelLibrary.at(folder(), Confinement.to(List.of(dir)), SourceLocation.unknown("x"));
        BadInputException outside = refused("dynamics:\n  iri: tvbo:decay\n" + RUN, confined);
        assertTrue(outside.oneLine().contains("outside the confine folders"), outside.oneLine());
    }

    @Test
    void aCheckoutRootMeansItsDatabaseModelsAndAMissingFolderIsRefused() throws IOException {
        Path models = Files.createDirectories(dir.resolve("tvbo/database/models"));
        Files.copy(folder().resolve("decay.yaml"), models.resolve("decay.yaml"));
        ModelLibrary root = ModelLibrary.at(dir.resolve("tvbo"), Confinement.NONE, SourceLocation.unknown("x"));
        assertEquals(models, root.folder());
        BadInputException missing = assertThrows(BadInputException.class,
                () -> ModelLibrary.at(dir.resolve("nope"), Confinement.NONE, SourceLocation.unknown("--models")));
        assertEquals("--models:0:0: the model folder " + dir.resolve("nope") + " does not exist", missing.oneLine());
    }

    @Test
    void aModelNameIsWhatTheLibrarysPatternAccepts() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(ModelLibrary.MODEL_NAME);
        List<String> names = new java.util.ArrayList<>(List.of("", "a", "Z9", "_a", "9a", "a_b", "a.b", "a-b", "a/b",
                "Jansen_Rit", "\u00e9t\u00e9", "a\u0663", "a".repeat(80), "a".repeat(81), "A" + "_".repeat(79)));
        for (char c = 0; c < 256; c++) {
            names.add("x" + c);
            names.add(String.valueOf(c));
        }
        for (String name : names) {
            assertEquals(pattern.matcher(name).matches(), ModelLibrary.isModelName(name), name);
        }
        assertTrue(ModelLibrary.isModelName("a".repeat(80)));
        assertTrue(!ModelLibrary.isModelName("a".repeat(81)));
    }
}
