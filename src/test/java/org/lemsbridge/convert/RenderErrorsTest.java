package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.Integration;

/** Every kind of bad input is reported at the exact place in the YAML file. */
class RenderErrorsTest {

    private static BadInputException renderError(String fixture) {
        Path file = ExperimentToLemsTest.resource("errors/" + fixture);
        return assertThrows(BadInputException.class,
                () -> new ExperimentToLems().render(ExperimentReader.read(file)));
    }

    private static void assertAt(BadInputException e, String fixture, int line, int column, String... fragments) {
        SourceLocation at = e.location();
        assertTrue(at.file().endsWith(fixture), at.file());
        assertEquals(line + ":" + column, at.line() + ":" + at.column(), e.oneLine());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
    }

    @Test
    void unknownSymbolIsReportedAtItsColumn() {
        assertAt(renderError("unknown-symbol.yaml"), "unknown-symbol.yaml", 8, 32, "unknown symbol 'bogus'");
    }

    @Test
    void syntaxErrorIsReportedAtTheParsersColumn() {
        assertAt(renderError("syntax-error.yaml"), "syntax-error.yaml", 8, 32, "syntax error");
    }

    @Test
    void affectAssigningAParameterIsReportedAtTheAssignedName() {
        assertAt(renderError("affect-non-state.yaml"), "affect-non-state.yaml", 10, 62,
                "assigns 'a', which is not a state variable");
    }

    @Test
    void parameterWithoutValueIsReportedAtTheParameter() {
        assertAt(renderError("parameter-without-value.yaml"), "parameter-without-value.yaml", 7, 8,
                "parameter 'b' has no value");
    }

    @Test
    void timeComparedWithADimensionlessNumberNamesBothDimensionsWhenTheStatesHaveUnits() {
        assertAt(renderError("time-compared-with-number-mV.yaml"), "time-compared-with-number-mV.yaml", 9, 42,
                "dimension mismatch", "derived variable 'I'", "time", "dimensionless");
    }

    @Test
    void timeDerivativeWithoutPerTimeNamesBothDimensions() {
        assertAt(renderError("derivative-dimension.yaml"), "derivative-dimension.yaml", 9, 26,
                "dimension mismatch", "state variable 'v'", "voltage (m=1 l=2 t=-3 i=-1)", "must be");
    }

    @Test
    void derivedVariablesInACycleAreRejected() {
        assertAt(renderError("cycle.yaml"), "cycle.yaml", 8, 26, "cycle: p -> q -> p");
    }

    @Test
    void stepSizeMustBePositive() {
        BadInputException e = renderError("step-size-zero.yaml");
        assertEquals(9, e.location().line(), e.oneLine());
        assertTrue(e.getMessage().contains("step_size"), e.getMessage());
    }

    @Test
    void stepSizeIsCheckedEvenOnAnExperimentBuiltInCode() {
        Experiment read = ExperimentReader.read(ExperimentToLemsTest.resource("errors/unknown-symbol.yaml"));
        SourceLocation where = new SourceLocation("built.yaml", 3, 14);
        Experiment bad = new Experiment(read.label(), read.description(), read.dynamics(),
                new Integration("euler", -0.5, 10.0, "ms", 0.0, null, where), read.network(), read.extras(),
                read.location());
        BadInputException e = assertThrows(BadInputException.class, () -> new ExperimentToLems().render(bad));
        assertEquals(where, e.location());
        assertTrue(e.getMessage().contains("step_size must be a positive number, got -0.5"), e.getMessage());
    }

    @Test
    void unknownSymbolInAFunctionArgumentKeepsItsColumn() {
        assertAt(renderError("function-argument.yaml"), "function-argument.yaml", 11, 35, "unknown symbol 'nope'");
    }

    @Test
    void functionCalledWithTheWrongNumberOfArgumentsIsReportedAtTheCall() {
        assertAt(renderError("function-arity.yaml"), "function-arity.yaml", 12, 26,
                "function 'f' takes 2 argument(s), 1 given");
    }

    @Test
    void aFunctionLemsLacksIsRefusedByNameBeforeAnyOtherProblem() {
        BadInputException e = renderError("function-without-lems-form.yaml");
        assertAt(e, "function-without-lems-form.yaml", 8, 32);
        assertEquals("function 'erf' in the equation of derived variable 'r' cannot be rendered: LEMS has no erf"
                + " and none of its functions computes it exactly", e.getMessage());
    }

    @Test
    void aMisspelledFunctionGetsTheNearestName() {
        BadInputException e = renderError("function-misspelled.yaml");
        assertAt(e, "function-misspelled.yaml", 7, 33);
        assertEquals("unknown function 'exq' in the equation of state variable 'v'; did you mean 'exp'?",
                e.getMessage());
    }

    @Test
    void oneNameForTwoKindsOfSymbolNamesBothKindsAndPlaces() {
        BadInputException e = renderError("name-of-two-kinds.yaml");
        assertAt(e, "name-of-two-kinds.yaml", 7, 8);
        assertTrue(e.getMessage().matches("'S' is defined twice: a derived variable here and a parameter at "
                + ".*name-of-two-kinds.yaml:5:8; rename one of them"), e.getMessage());
    }

    @Test
    void aLibraryReferenceWithoutTheModelsEquationsIsRefusedNotRenderedEmpty() {
        String yaml = "dynamics:\n  iri: tvbo:Generic2dOscillator\n  parameters: {a: {value: 1.0}}\n"
                + "integration: {step_size: 0.01, duration: 1.0}\n";
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ExperimentToLems().render(ExperimentReader.read(yaml, "ref.yaml", null)));
        assertEquals("ref.yaml:2:8: dynamics.iri 'tvbo:Generic2dOscillator' names a model of TVBO's library; set"
                + " --models DIR (a TVBO checkout's database/models)", e.oneLine(), "read without a model library");
        String odd = "dynamics:\n  iri: 'x:<script>'\nintegration: {step_size: 0.01, duration: 1.0}\n";
        BadInputException quiet = assertThrows(BadInputException.class,
                () -> new ExperimentToLems().render(ExperimentReader.read(odd, "ref.yaml", null)));
        assertEquals("ref.yaml:2:3: dynamics has an iri but no state variables, and the iri is no reference to a"
                + " library model (tvbo:NAME, found with --models DIR): write the model's fields (state_variables,"
                + " parameters, ...) under dynamics", quiet.oneLine(), "an iri that is no reference is not echoed");
    }
}
