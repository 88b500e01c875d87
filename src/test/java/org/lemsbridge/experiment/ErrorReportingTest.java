package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.error.BadInputException;

class ErrorReportingTest {

    private static Path includes() {
        try {
            return Path.of(ErrorReportingTest.class.getResource("/org/lemsbridge/experiment/includes").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String error(String yaml) {
        return assertThrows(BadInputException.class, () -> ExperimentReader.read(yaml, "bad.yaml", includes()))
                .oneLine();
    }

    static Stream<Arguments> badDocuments() {
        return Stream.of(
                Arguments.of("dynamics:\n  parameters:\n    - a\n",
                        "bad.yaml:3:5: dynamics.parameters: expected a mapping from name to entry, found a list"),
                Arguments.of("dynamics:\n  parameters:\n    a: {value: abc}\n",
                        "bad.yaml:3:16: dynamics.parameters.a.value: expected a number, found text 'abc'"),
                Arguments.of("dynamics:\n  parameters:\n    a: {value: \"20\"}\n",
                        "bad.yaml:3:16: dynamics.parameters.a.value: expected a number, found text '20'"),
                Arguments.of("dynamics:\n  parameters:\n    a: [1, 2]\n",
                        "bad.yaml:3:8: dynamics.parameters.a: expected a mapping, found a list"),
                Arguments.of("integration:\n  step_size: 0\n",
                        "bad.yaml:2:14: integration.step_size: must be > 0, found 0"),
                Arguments.of("integration:\n  dt: -0.1\n",
                        "bad.yaml:2:7: integration.step_size: must be > 0, found -0.1"),
                Arguments.of("integration:\n  duration: -5\n",
                        "bad.yaml:2:13: integration.duration: must be > 0, found -5"),
                Arguments.of("integration: {transient_time: -1}\n",
                        "bad.yaml:1:31: integration.transient_time: must be >= 0, found -1"),
                Arguments.of("dynamics:\n  parameters:\n    a: {value: .nan}\n",
                        "bad.yaml:3:16: dynamics.parameters.a.value: expected a finite number, found '.nan'"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {initial_value: -.inf}\n",
                        "bad.yaml:3:24: dynamics.state_variables.v.initial_value: expected a finite number, found '-.inf'"),
                Arguments.of("integration: {duration: .inf}\n",
                        "bad.yaml:1:25: integration.duration: expected a finite number, found '.inf'"),
                Arguments.of("label: a\nlabel: b\n",
                        "bad.yaml:2:1: duplicate key 'label' (first given at line 1)"),
                Arguments.of("dynamics:\n  parameters:\n    a: {name: b, value: 1}\n",
                        "bad.yaml:3:15: dynamics.parameters.a.name: 'b' disagrees with its key 'a'"),
                Arguments.of("integration: {dt: 0.1, step_size: 0.2}\n",
                        "bad.yaml:1:15: integration.dt: 'dt' and 'step_size' mean the same field; give only one"),
                Arguments.of("network: {number_of_nodes: 2, number_of_regions: 2}\n",
                        "bad.yaml:1:31: network.number_of_regions: 'number_of_regions' and 'number_of_nodes' mean the same field; give only one"),
                Arguments.of("dynamics:\n  state_variables:\n    x: {range: {lo: 0}, domain: {lo: 1}}\n",
                        "bad.yaml:3:25: dynamics.state_variables.x.domain: 'domain' and 'range' mean the same field; give only one"),
                Arguments.of("dynamics: {name: X}\nmodel: {name: Y}\n",
                        "bad.yaml:2:8: local_dynamics: the model is given twice (also as 'dynamics')"),
                Arguments.of("network: {number_of_nodes: 1.5}\n",
                        "bad.yaml:1:28: network.number_of_nodes: expected a whole number, found '1.5'"),
                Arguments.of("network: {number_of_nodes: 0}\n",
                        "bad.yaml:1:28: network.number_of_nodes: must be >= 1, found 0"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {variable_of_interest: maybe}\n",
                        "bad.yaml:3:31: dynamics.state_variables.v.variable_of_interest: expected true or false, found text 'maybe'"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {equation: {rhs: [1, 2]}}\n",
                        "bad.yaml:3:25: dynamics.state_variables.v.equation.rhs: expected a text, found a list"),
                Arguments.of("dynamics:\n  derived_variables:\n    f: {conditional: true, cases: {condition: x}}\n",
                        "bad.yaml:3:35: dynamics.derived_variables.f.cases: expected a list of cases, found a mapping"),
                Arguments.of("dynamics:\n  functions:\n    f: {arguments: 3}\n",
                        "bad.yaml:3:20: dynamics.functions.f.arguments: expected a list of names or a mapping, found '3'"),
                Arguments.of("dynamics:\n  events:\n    \"2fast\": {condition: \"v > 1\"}\n",
                        "bad.yaml:3:5: dynamics.events: the name '2fast' is not an identifier (letters, digits and _, not starting with a digit)"),
                Arguments.of("- just a list\n",
                        "bad.yaml:1:1: the document: expected a mapping, found a list"),
                Arguments.of("dynamics: 5\n",
                        "bad.yaml:1:11: dynamics: expected a mapping, found '5'"),
                Arguments.of("a: &x [*x]\n",
                        "bad.yaml:1:4: recursive alias: a node contains itself"),
                Arguments.of("a: {x: 1}\nb:\n  <<: 5\n",
                        "bad.yaml:3:7: a merge key '<<' needs a mapping or a list of mappings"),
                Arguments.of("dynamics: {name: [unclosed\n",
                        "bad.yaml:2:1: invalid YAML: while parsing a flow sequence: expected ',' or ']', but got <stream end>"),
                Arguments.of("x: !!python/object:os.system ls\n",
                        "bad.yaml:1:4: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system"),
                Arguments.of("x: !custom 3\n",
                        "bad.yaml:1:4: unsupported YAML tag '!custom' (only standard types and !include are allowed)"),
                Arguments.of("", "bad.yaml:1:1: the document is empty"),
                // Schema checks (the schema covers enumerations the reader keeps as plain text).
                Arguments.of("dynamics:\n  events:\n    spike: {event_type: sometimes}\n",
                        "bad.yaml:3:25: schema: dynamics.events.spike.event_type: does not have a value in the enumeration "
                                + "[\"continuous\", \"discrete\", \"preset_time\", \"stimulus\", null]"),
                Arguments.of("integration: {time_scale: hours}\n",
                        "bad.yaml:1:27: schema: integration.time_scale: does not have a value in the enumeration [\"s\", \"ms\", \"us\", null]"),
                Arguments.of("integration: {method: 3}\n",
                        "bad.yaml:1:23: schema: integration.method: integer found, [string, null] expected"),
                Arguments.of("dynamics:\n  state_variables:\n    v: {equation_order: 0}\n",
                        "bad.yaml:3:25: schema: dynamics.state_variables.v.equation_order: must have a minimum value of 1"),
                // Includes.
                Arguments.of("dynamics:\n  parameters: !include ../outside.yaml\n",
                        "bad.yaml:2:15: !include '../outside.yaml' leaves the folder of the including file (absolute paths and '..' are refused)"),
                Arguments.of("dynamics:\n  parameters: !include /etc/hostname\n",
                        "bad.yaml:2:15: !include '/etc/hostname' leaves the folder of the including file (absolute paths and '..' are refused)"),
                Arguments.of("dynamics:\n  parameters: !include missing.yaml\n",
                        "bad.yaml:2:15: !include 'missing.yaml': file not found (" + includes().resolve("missing.yaml") + ")"),
                Arguments.of("dynamics:\n  parameters: !include sub/escape.yaml\n",
                        includes().resolve("sub/escape.yaml") + ":1:4: !include '../outside.yaml' leaves the folder of the including file (absolute paths and '..' are refused)"),
                Arguments.of("x: !include loop-a.yaml\n",
                        includes().resolve("loop-b.yaml") + ":1:4: !include 'loop-a.yaml' forms a cycle ("
                                + includes().resolve("loop-a.yaml") + " is already being included)"),
                Arguments.of("dynamics:\n  parameters:\n    p: !include value.yaml\n    q: {value: x}\n",
                        "bad.yaml:4:16: dynamics.parameters.q.value: expected a number, found text 'x'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badDocuments")
    void reportsMessageAndPosition(String yaml, String expected) {
        assertEquals(expected, error(yaml));
    }

    @Test
    void includedValuesKeepTheirOwnFileInErrors() {
        String message = error("dynamics:\n  parameters:\n    p: !include value.yaml\n  events:\n    e: {event_type: x}\n");
        assertEquals("bad.yaml:5:21: schema: dynamics.events.e.event_type: does not have a value in the enumeration "
                + "[\"continuous\", \"discrete\", \"preset_time\", \"stimulus\", null]", message);
        Experiment ok = ExperimentReader.read("dynamics:\n  parameters:\n    p: !include value.yaml\n", "main.yaml",
                includes());
        assertEquals(2.5, ok.dynamics().parameters().get("p").value());
        assertEquals(includes().resolve("value.yaml") + ":1:1", ok.dynamics().parameters().get("p").location().toString());
    }

    @Test
    void aFileIncludingItselfIsACycle() {
        Path self = includes().resolve("self.yaml");
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentReader.read(self));
        assertEquals(self + ":2:7: !include 'self.yaml' forms a cycle (" + self + " is already being included)",
                e.oneLine());
    }

    @Test
    void includesNeedABaseFolder() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ExperimentReader.read("x: !include value.yaml\n", "text.yaml", null));
        assertEquals("text.yaml:1:4: !include 'value.yaml' needs the including file's folder, but this document was "
                + "read without one", e.oneLine());
    }

    @Test
    void aliasBombsAndDeepNestingAreRefused() {
        StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [");
            for (int k = 0; k < 5; k++) {
                laughs.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            laughs.append("]\n");
        }
        assertEquals("bad.yaml:1:22: the document expands to more than 200000 nodes (too many aliases?)",
                error(laughs.toString()));

        StringBuilder many = new StringBuilder("base: &b [1]\nrefs: [");
        for (int i = 0; i < 60; i++) {
            many.append(i == 0 ? "" : ", ").append("*b");
        }
        many.append("]\n");
        assertEquals("bad.yaml:0:0: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50",
                error(many.toString()));

        String deep = "x: " + "[".repeat(100) + "]".repeat(100) + "\n";
        assertEquals("bad.yaml:0:0: invalid YAML: Nesting Depth exceeded max 64", error(deep));
    }

    @Test
    void missingFileIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ExperimentReader.read(includes().resolve("nope.yaml")));
        assertEquals(includes().resolve("nope.yaml") + ":0:0: file not found", e.oneLine());
    }
}
