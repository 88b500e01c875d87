package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenderCommandTest {
    @TempDir
    Path folder;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void rendersTheTonicSeedToAFile() throws IOException {
        Path xml = folder.resolve("tonic.xml");
        assertEquals(0, run("render", "examples/izhikevich-tonic.yaml", "-o", xml.toString()), last.err());
        String text = Files.readString(xml);
        assertTrue(text.contains("<Target component=\"sim_NeuroML_Ex2__Izhikevich__tonic_\""), text);
        assertTrue(text.contains("<OnCondition test=\"v .gt. thresh\">"), text);
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file may be left behind");
        }
    }

    /** Each bad experiment: one line {@code file:line:col: message}, exit 2, no output file. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'a: [1, 2'                                                              | 1 | 9 | invalid YAML",
        "'dynamics:\\n  parameters: [1, 2]'                                      | 2 | 15 | parameters",
        "'dynamics:\\n  state_variables:\\n    v: {equation: \"v + w\"}'         | 3 | 24 | unknown symbol 'w'",
        "'dynamics:\\n  state_variables:\\n    v: {equation: \"-v\"}\\n  events:\\n    e: {condition: \"v > 1\", affect: \"q = 0\"}' | 5 | 0 | q",
        "'dynamics:\\n  parameters:\\n    a: {unit: ms}\\n  state_variables:\\n    v: {equation: \"a\"}' | 3 | 8 | value",
        "'dynamics:\\n  state_variables:\\n    v: {equation: \"-v\"}\\nintegration: {step_size: 0}' | 4 | 0 | step",
    })
    void badExperimentsGiveOneLineAndNoOutput(String yaml, int line, int column, String mentions) throws IOException {
        Path experiment = folder.resolve("bad.yaml");
        Files.writeString(experiment, yaml.replace("\\n", "\n"));
        Path xml = folder.resolve("out.xml");
        assertEquals(2, run("render", experiment.toString(), "-o", xml.toString()));
        String message = last.err().strip();
        assertEquals(1, message.lines().filter(l -> !l.startsWith("  hint:")).count(), message);
        assertTrue(message.startsWith(experiment + ":" + line + ":"), message);
        if (column > 0) {
            assertTrue(message.startsWith(experiment + ":" + line + ":" + column + ":"), message);
        }
        assertTrue(message.contains(mentions), message);
        assertTrue(!message.contains("Exception") && !message.contains("\tat "), message);
        assertTrue(Files.notExists(xml));
    }
}
