package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.error.BadInputException;

/** Fields outside TVBO's vocabulary are misspellings; TVBO fields LEMS cannot honour are refused by name. */
class TvboVocabularyTest {

    private static String error(String yaml) {
        return assertThrows(BadInputException.class, () -> ExperimentReader.read(yaml, "bad.yaml", null)).oneLine();
    }

    static Stream<Arguments> misspelled() {
        return Stream.of(
                Arguments.of("dynamics:\n  paramters:\n    a: 1\n",
                        "bad.yaml:2:3: unknown field 'paramters' in dynamics; did you mean 'parameters'?"),
                Arguments.of("dynamics:\n  parameters:\n    a: {value: 1, unti: mV}\n",
                        "bad.yaml:3:19: unknown field 'unti' in dynamics.parameters.a; did you mean 'unit'?"),
                Arguments.of("dynamics:\n  state_variables:\n    v:\n      intial_value: 0.3\n",
                        "bad.yaml:4:7: unknown field 'intial_value' in dynamics.state_variables.v; did you mean 'initial_value'?"),
                Arguments.of("integration: {methd: euler}\n",
                        "bad.yaml:1:15: unknown field 'methd' in integration; did you mean 'method'?"),
                Arguments.of("integration:\n  duraton: 10\n",
                        "bad.yaml:2:3: unknown field 'duraton' in integration; did you mean 'duration'?"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {variable_of_intrest: true}\n",
                        "bad.yaml:3:9: unknown field 'variable_of_intrest' in dynamics.state_variables.v; did you mean 'variable_of_interest'?"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {equation: {rsh: x}}\n",
                        "bad.yaml:3:20: unknown field 'rsh' in dynamics.state_variables.v.equation; did you mean 'rhs'?"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {domain: {lo: 0, hi: 1, enforec: clamp}}\n",
                        "bad.yaml:3:32: unknown field 'enforec' in dynamics.state_variables.v.domain; did you mean 'enforce'?"),
                Arguments.of("labl: x\n",
                        "bad.yaml:1:1: unknown field 'labl' in the experiment; did you mean 'label'?"),
                Arguments.of("network: {number_of_nodes: 1, colour: red}\n",
                        "bad.yaml:1:31: unknown field 'colour' in network (not a field of a TVBO network)"));
    }

    @ParameterizedTest
    @MethodSource("misspelled")
    void aMisspelledFieldIsAnErrorAtItsLineWithTheNearestName(String yaml, String expected) {
        assertEquals(expected, error(yaml));
    }

    static Stream<Arguments> unhonourable() {
        return Stream.of(
                Arguments.of("dynamics:\n  number_of_modes: 2\n",
                        "bad.yaml:2:3: dynamics.number_of_modes: cannot be honoured in LEMS: only one mode can be rendered"),
                Arguments.of("dynamics:\n  state_variables:\n    x: {equation_type: algebraic}\n",
                        "bad.yaml:3:9: dynamics.state_variables.x.equation_type: cannot be honoured in LEMS: an algebraic equation is not a time derivative and is not rendered"),
                Arguments.of("dynamics:\n  state_variables:\n    x: {equation_order: 2}\n",
                        "bad.yaml:3:9: dynamics.state_variables.x.equation_order: cannot be honoured in LEMS: only first-order equations can be rendered"),
                Arguments.of("dynamics:\n  state_variables:\n    x:\n      noise: {intensity: 0.1}\n",
                        "bad.yaml:4:7: dynamics.state_variables.x.noise: cannot be honoured in LEMS: noise changes the numbers and LEMS here is deterministic"),
                Arguments.of("integration: {method: euler, noise: {intensity: 0.01}}\n",
                        "bad.yaml:1:30: integration.noise: cannot be honoured in LEMS: noise changes the numbers and LEMS here is deterministic"),
                Arguments.of("stimulation: {amplitude: 1}\n",
                        "bad.yaml:1:1: stimulation: cannot be honoured in LEMS: a stimulus changes the numbers and is not rendered"));
    }

    @ParameterizedTest
    @MethodSource("unhonourable")
    void aTvboFieldLemsCannotHonourIsRefusedByName(String yaml, String expected) {
        assertEquals(expected, error(yaml));
    }

    @Test
    void harmlessValuesOfThoseFieldsAreAccepted() {
        Experiment e = ExperimentReader.read("dynamics:\n  system_type: continuous\n  number_of_modes: 1\n"
                + "  state_variables:\n    x: {equation_type: differential, equation_order: 1, noise: null}\n"
                + "integration: {noise: {}}\n", "ok.yaml", null);
        assertEquals("continuous", ((RawValue.Scalar) e.dynamics().extras().get("system_type")).text());
    }

    @Test
    void knownButUnusedFieldsAreKeptOnARoundTrip() {
        String yaml = "label: kept\nmonitors: [{name: Raw, period: 1.0}]\n"
                + "dynamics:\n  name: M\n  references: [Someone 2020]\n  has_reference: doi\n"
                + "  parameters:\n    a: {value: 1.0, definition: a rate, explored_values: [1, 2], free: true}\n"
                + "  state_variables:\n    x:\n      equation: {rhs: -a*x, definition: decay}\n      initial_value: 0.5\n"
                + "      coupling_variable: true\n      symbol: X\n"
                + "  derived_variables:\n    y: {equation: {rhs: 2*x}, symbol: Y}\n"
                + "integration: {method: euler, step_size: 0.1, duration: 1.0, scipy_ode_base: false}\n";
        Experiment first = ExperimentReader.read(yaml, "keep.yaml", null);
        String written = ExperimentWriter.write(first);
        Experiment second = ExperimentReader.read(written, "again.yaml", null);
        assertEquals(first.withoutLocations(), second.withoutLocations());
        for (String kept : new String[] {"monitors:", "references:", "has_reference:", "definition: a rate",
                "explored_values:", "free: true", "definition: decay", "coupling_variable: true", "symbol: X", "symbol: Y",
                "scipy_ode_base: false"}) {
            org.junit.jupiter.api.Assertions.assertTrue(written.contains(kept), kept + " kept in\n" + written);
        }
    }

    @Test
    void fieldsNamedXDashAreTheUsersOwnAndKept() {
        Experiment e = ExperimentReader.read("x-notes: {owner: me}\ndynamics:\n  parameters:\n    a: {value: 1, x-origin: fit}\n",
                "ok.yaml", null);
        assertEquals("fit", ((RawValue.Scalar) e.dynamics().parameters().get("a").extras().get("x-origin")).text());
        assertEquals(e.withoutLocations(),
                ExperimentReader.read(ExperimentWriter.write(e), "again.yaml", null).withoutLocations());
    }
}
