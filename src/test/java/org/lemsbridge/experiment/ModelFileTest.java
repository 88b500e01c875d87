package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;

/** A model file of TVBO's database read on its own: the dynamics of an experiment with TVBO's defaults. */
class ModelFileTest {

    private static final String MODEL = "name: Oscillator\n"
            + "description: a linear oscillator\n"
            + "parameters:\n"
            + "  w: {value: 0.5, unit: ms^-1}\n"
            + "coupling_terms:\n"
            + "  c_glob: {value: 0.0}\n"
            + "state_variables:\n"
            + "  x:\n"
            + "    equation: {lhs: \"Derivative(x, t)\", rhs: w*y + c_glob}\n"
            + "    initial_value: 1.0\n"
            + "  y:\n"
            + "    equation: {rhs: -w*x}\n"
            + "    initial_value: 0.0\n"
            + "references: [a book]\n";

    private static String wrapped(String model) {
        StringBuilder yaml = new StringBuilder("dynamics:\n");
        model.lines().forEach(line -> yaml.append("  ").append(line).append('\n'));
        return yaml.toString();
    }

    private static String error(String yaml) {
        return assertThrows(BadInputException.class, () -> ExperimentReader.read(yaml, "m.yaml", null)).oneLine();
    }

    @Test
    void aModelFileIsTheDynamicsOfAnExperimentWithTvboDefaults() {
        Experiment alone = ExperimentReader.read(MODEL, "m.yaml", null).withoutLocations();
        Experiment around = ExperimentReader.read(wrapped(MODEL), "e.yaml", null).withoutLocations();
        assertTrue(alone.modelFile());
        assertFalse(around.modelFile());
        assertEquals(around.dynamics(), alone.dynamics());
        assertEquals(around.integration(), alone.integration());
        assertEquals(Integration.defaults(null), alone.integration());
        assertEquals(around.network(), alone.network());
        assertEquals(around.extras(), alone.extras());
    }

    @Test
    void aMisspelledFieldOfAModelFileIsNamedAtItsLineWithTheNearestModelField() {
        assertEquals("m.yaml:2:1: unknown field 'paramters' in the dynamics; did you mean 'parameters'?",
                error("name: M\nparamters: {a: {value: 1}}\nstate_variables:\n  x: {equation: {rhs: -x}}\n"));
    }

    @Test
    void problemsInAModelFileHaveTheFilesOwnPaths() {
        assertEquals("m.yaml:3:43: state_variables.x.initial_value: expected a number, found text 'one'",
                error("name: M\nstate_variables:\n  x: {equation: {rhs: -x}, initial_value: one}\n"));
        assertEquals("m.yaml:3:23: schema: state_variables.v.equation_order: must have a minimum value of 1",
                error("name: M\nstate_variables:\n  v: {equation_order: 0}\n"));
    }

    @Test
    void stateVariablesBesideAnExperimentsOwnFieldsStayAnExperimentsMistake() {
        assertEquals("m.yaml:1:1: unknown field 'state_variables' in the experiment (not a field of a TVBO"
                + " experiment)", error("state_variables:\n  x: {equation: {rhs: -x}}\nintegration: {duration: 1}\n"));
    }

    @Test
    void anIntegratorOrACouplingFunctionOfTheDatabaseIsRefusedForWhatItIs() {
        BadInputException integrator = assertThrows(BadInputException.class, () -> ExperimentReader.read(
                "duration: 1000.0\nmethod: Heun\nstep_size: 0.01220703125\ntransient_time: 0.0\n", "Heun.yaml", null));
        assertEquals("Heun.yaml:1:1: this is a TVBO integrator (method, step_size, ...), not an experiment or a model",
                integrator.oneLine());
        assertEquals("give its fields under 'integration:' of an experiment whose 'dynamics:' is the model",
                integrator.hint());
        assertEquals("Linear.yaml:1:1: this is a TVBO coupling function (pre_expression, post_expression), not an"
                + " experiment or a model", assertThrows(BadInputException.class, () -> ExperimentReader.read(
                        "name: Linear\nparameters: {a: {value: 0.1}}\npre_expression: {rhs: x_j}\n"
                                + "post_expression: {rhs: a*gx}\nsparse: false\n", "Linear.yaml", null)).oneLine());
        // an experiment's own integration fields at the top level are still an experiment's misspellings
        assertEquals("m.yaml:2:1: unknown field 'method' in the experiment (not a field of a TVBO experiment)",
                error("dynamics: {state_variables: {x: {equation: {rhs: -x}}}}\nmethod: euler\n"));
    }

    @Test
    void documentKindsFollowTheTopLevelFields() {
        assertEquals(List.of(DocumentKind.MODEL, DocumentKind.EXPERIMENT, DocumentKind.INTEGRATOR,
                DocumentKind.EXPERIMENT, DocumentKind.COUPLING_FUNCTION, DocumentKind.MODEL, DocumentKind.EXPERIMENT,
                DocumentKind.EXPERIMENT),
                List.of(kind("state_variables: {}\nname: M\nx-note: mine\n"),
                        kind("state_variables: {}\nnetwork: {}\n"),
                        kind("method: euler\nx-note: mine\n"),
                        kind("method: euler\nlabel: L\n"),
                        kind("post_expression: {rhs: gx}\n"),
                        kind("iri: tvbo:Relax2d\nparameters: {a: 0.9}\n"),
                        kind("iri: tvbo:Relax2d\nintegration: {method: euler}\n"),
                        kind("iri: https://example.org/m\nparameters: {a: 0.9}\n")));
    }

    private static DocumentKind kind(String yaml) {
        return DocumentKind.of((YamlNode.Mapping) YamlComposer.compose(yaml, "k.yaml", null));
    }
}
