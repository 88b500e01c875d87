package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.cli.CliRun;

/** {@code lemsbridge validate} on many files in one run: exit code of the worst file, text and JSON output. */
class ValidateCommandTest {

    @TempDir
    Path temp;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path valid() throws IOException {
        return Files.writeString(temp.resolve("valid.xml"), "<Lems><Dimension name=\"time\" t=\"1\"/>"
                + "<ComponentType name=\"A\"><Parameter name=\"p\" dimension=\"time\"/></ComponentType></Lems>\n");
    }

    private Path withFindings() throws IOException {
        return Files.writeString(temp.resolve("findings.xml"), "<Lems>\n<B id=\"x\"/>\n<Target component=\"sim\"/>\n"
                + "</Lems>\n");
    }

    private Path unreadable() throws IOException {
        return Files.writeString(temp.resolve("unreadable.xml"), "<Lems>\n<oops\n");
    }

    @Test
    void theExitCodeIsThatOfTheWorstFile() throws IOException {
        assertEquals(0, run("validate", valid().toString()).exitCode());
        assertEquals(1, run("validate", valid().toString(), withFindings().toString()).exitCode());
        CliRun all = run("validate", valid().toString(), withFindings().toString(), unreadable().toString());
        assertEquals(2, all.exitCode());
        assertEquals(withFindings() + ":2:1: error LB203: <B> is not a known ComponentType\n"
                + "  hint: include the file that defines it, e.g. <Include file=\"Cells.xml\"/>, and add its folder"
                + " with -I\n"
                + withFindings() + ":3:1: error LB206: Target component 'sim' is not defined\n"
                + "  hint: name the id of a Simulation component\n", all.out());
        assertEquals(1, all.err().lines().count(), all.err());
        assertTrue(all.err().startsWith(unreadable() + ":3:1: malformed XML"), all.err());
    }

    @Test
    void aYamlExperimentsWarningsAreAtTheLinesTheyConcern() throws IOException {
        Path yaml = Files.writeString(temp.resolve("e.yaml"), "dynamics:\n"
                + "  name: D\n"
                + "  state_variables:\n"
                + "    x: {equation: {rhs: -x}, initial_value: 1.0}\n"
                + "    y:\n"
                + "      equation: {rhs: -y}\n"
                + "integration: {method: heun, step_size: 0.1, duration: 10, transient_time: 1}\n");
        CliRun run = run("validate", yaml.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(yaml + ":6:7: warning LB401: state variable 'y' has no initial_value; using 0.1 (the TVBO"
                + " default)\n"
                + yaml + ":7:14: warning LB401: integration method 'heun' is not available in jLEMS, which always"
                + " steps with forward Euler; the rendered model will be integrated with forward Euler\n"
                + yaml + ":7:14: warning LB401: transient_time 1.0 is not rendered: jLEMS records from t = 0\n",
                run.out());
    }

    @Test
    void jsonIsTheOnlyThingOnStdout() throws IOException {
        CliRun run = run("validate", "--format", "json", valid().toString(), withFindings().toString(),
                unreadable().toString());
        assertEquals(2, run.exitCode());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(2, json.get("errors").asInt());
        assertEquals(0, json.get("warnings").asInt());
        assertEquals(1, json.get("unreadable").asInt());
        JsonNode files = json.get("files");
        assertEquals("valid", files.get(0).get("status").asText());
        assertEquals("findings", files.get(1).get("status").asText());
        JsonNode finding = files.get(1).get("findings").get(0);
        assertEquals("LB203", finding.get("code").asText());
        assertEquals("UNKNOWN_TYPE", finding.get("name").asText());
        assertEquals("error", finding.get("severity").asText());
        assertEquals(2, finding.get("line").asInt());
        assertEquals(1, finding.get("column").asInt());
        assertEquals("unreadable", files.get(2).get("status").asText());
        assertEquals(3, files.get(2).get("error").get("line").asInt());
    }

    @Test
    void aBadFormatIsAUsageError() throws IOException {
        CliRun run = run("validate", "--format", "xml", valid().toString());
        assertEquals(2, run.exitCode());
        assertEquals("--format:0:0: unknown format 'xml'; use text, json, github, sarif\n", run.err());
        assertEquals("", run.out());
    }
}
