package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RequestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** Serves {@code lines} as one input and returns the parsed response lines. */
    static List<JsonNode> serve(RequestServer server, String... lines) throws IOException {
        StringWriter output = new StringWriter();
        server.serve(new StringReader(String.join("\n", lines) + "\n"), new PrintWriter(output));
        List<JsonNode> responses = new ArrayList<>();
        for (String line : output.toString().split("\n")) {
            responses.add(JSON.readTree(line));
        }
        return responses;
    }

    static String request(Object id, String command, String... args) {
        ObjectNode request = JSON.createObjectNode();
        request.set("id", JSON.valueToTree(id));
        request.put("command", command);
        ArrayNode array = request.putArray("args");
        for (String arg : args) {
            array.add(arg);
        }
        return request.toString();
    }

    private static CommandResult commandLine(String... args) {
        return CommandResult.of(CliRun.of(args));
    }

    record CommandResult(int status, String stdout, String stderr) {
        static CommandResult of(CliRun run) {
            return new CommandResult(run.exitCode(), run.out(), run.err());
        }

        static CommandResult of(JsonNode response) {
            return new CommandResult(response.get("status").asInt(), response.get("stdout").asText(),
                    response.get("stderr").asText());
        }
    }

    @Test
    void aSimulateRequestWritesTheCommandLinesBytesAndSaysSo() throws IOException {
        Path byCommand = folder.resolve("command");
        Path byServe = folder.resolve("serve");
        CommandResult expected = commandLine("simulate", "examples/izhikevich-tonic.yaml", "-o", byCommand.toString());
        assertEquals(0, expected.status(), expected.stderr());

        JsonNode response = serve(new RequestServer(),
                request(7, "simulate", "examples/izhikevich-tonic.yaml", "-o", byServe.toString())).get(0);

        assertEquals(7, response.get("id").asInt());
        assertEquals(new CommandResult(0, expected.stdout().replace(byCommand.toString(), byServe.toString()), ""),
                CommandResult.of(response));
        assertEquals("wrote " + byServe.resolve("IzhikevichCell.dat") + " (40001 rows)\n",
                response.get("stdout").asText());
        assertFalse(response.has("error"));
        assertSameFiles(byCommand, byServe);
    }

    @Test
    void compareAndValidateAnswerWithTheCommandLinesTextAndStatus() throws IOException {
        Path candidate = folder.resolve("tonic");
        assertEquals(0, commandLine("simulate", "examples/izhikevich-tonic.yaml", "-o", candidate.toString()).status());
        String[] passing = {"compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz",
                candidate.resolve("IzhikevichCell.dat").toString(), "--columns", "izpopTonic[0]/v=v",
                "--candidate-unit", "v=mV", "--tier", "exact", "--format", "json"};
        String[] failing = {"compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz",
                candidate.resolve("IzhikevichCell.dat").toString(), "--columns", "izpopBurst[0]/v=v",
                "--candidate-unit", "v=mV", "--tier", "exact"};
        String[] validate = {"validate", "examples/ex2-izhikevich/Ex2_Izh.xml", "examples/izhikevich-burst.yaml",
                "--format", "json"};
        List<JsonNode> responses = serve(new RequestServer(), request(1, "compare", tail(passing)),
                request(2, "compare", tail(failing)), request(3, "validate", tail(validate)));

        assertEquals(commandLine(passing), CommandResult.of(responses.get(0)));
        assertEquals(0, responses.get(0).get("status").asInt());
        assertTrue(JSON.readTree(responses.get(0).get("stdout").asText()).at("/verdict/passed").asBoolean());
        assertEquals(commandLine(failing), CommandResult.of(responses.get(1)));
        assertEquals(1, responses.get(1).get("status").asInt());
        assertFalse(responses.get(1).has("error"), "a failed verdict is a result, not an error");
        assertEquals(commandLine(validate), CommandResult.of(responses.get(2)));
        assertEquals(0, responses.get(2).get("status").asInt());
    }

    @Test
    void aMergeRequestWritesTheCommandLinesMergedReportAndRefusesAMissingShard() throws IOException {
        Path model = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = Files.writeString(folder.resolve("suite.yaml"), "suite: two runs\ncases:\n  - {name: first, model: "
                + model + "}\n  - {name: second, model: " + model + "}\n");
        List<String> shards = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            Path report = folder.resolve("shard-" + k);
            CommandResult shard = commandLine("check", suite.toString(), "--shard", k + "/2", "--jobs", "1",
                    "--report", report.toString());
            assertEquals(0, shard.status(), shard.stderr());
            shards.add(report.toString());
        }
        Path byCommand = folder.resolve("merged-command");
        Path byServe = folder.resolve("merged-serve");
        CommandResult expected = commandLine("merge", shards.get(0), shards.get(1), "-o", byCommand.toString());
        assertEquals(0, expected.status(), expected.stderr());

        List<JsonNode> responses = serve(new RequestServer(),
                request(1, "merge", shards.get(0), shards.get(1), "-o", byServe.toString()),
                request(2, "merge", shards.get(1), "-o", folder.resolve("never").toString()));

        assertEquals(new CommandResult(0, expected.stdout().replace(byCommand.toString(), byServe.toString()), ""),
                CommandResult.of(responses.get(0)));
        assertSameFiles(byCommand, byServe);
        assertEquals(List.of("first", "second"), JSON.readTree(byServe.resolve("summary.json").toFile())
                .findValuesAsText("name"));
        assertEquals(2, responses.get(1).get("status").asInt());
        assertEquals("merge:0:0: shard 1/2 is missing (given: 2)", responses.get(1).get("stderr").asText().strip());
        assertEquals("shard 1/2 is missing (given: 2)", responses.get(1).at("/error/message").asText());
        assertFalse(Files.exists(folder.resolve("never")));
    }

    @Test
    void renderToStdoutAndBadInputCarryTheCommandLinesTextAndAnErrorPlace() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.yaml"), "dynamics:\n  name: X\n  state_variables:\n"
                + "    v: {equation: {rhs: \"v +* 2\"}, initial_value: 0}\n");
        List<JsonNode> responses = serve(new RequestServer(), request("r", "render", "examples/izhikevich-tonic.yaml"),
                request("b", "render", bad.toString()));

        assertEquals(commandLine("render", "examples/izhikevich-tonic.yaml"), CommandResult.of(responses.get(0)));
        assertTrue(responses.get(0).get("stdout").asText().contains("<Lems"));
        CommandResult expected = commandLine("render", bad.toString());
        assertEquals(2, expected.status());
        assertEquals(expected, CommandResult.of(responses.get(1)));
        JsonNode error = responses.get(1).get("error");
        String firstLine = expected.stderr().lines().findFirst().orElseThrow();
        assertEquals(firstLine, error.get("file").asText() + ":" + error.get("line").asInt() + ":"
                + error.get("column").asInt() + ": " + error.get("message").asText());
        assertEquals(bad.toString(), error.get("file").asText());
        assertEquals(4, error.get("line").asInt());
        assertEquals(29, error.get("column").asInt());
    }

    @Test
    void badRequestsAreAnsweredInPlaceAndTheServerGoesOn() throws IOException {
        List<JsonNode> responses = serve(new RequestServer(),
                "{\"id\": 1, \"command\": \"simulate\", \"args\": [",
                "[\"simulate\"]",
                "{\"id\": 3, \"comand\": \"simulate\"}",
                "{\"id\": 4, \"command\": \"simlate\", \"args\": []}",
                "{\"id\": 5, \"command\": \"serve\"}",
                "{\"id\": 6, \"command\": \"simulate\", \"args\": [\"--seed\", 7]}",
                "{\"id\": 7, \"args\": []}",
                "{\"id\": 8, \"command\": \"simulate\", \"command\": \"render\"}",
                "{\"id\": 9, \"command\": \"validate\"} {}",
                "{\"id\": 10, \"command\": \"simulate\", \"args\": [\"--no-such-option\", \"x.yaml\"]}",
                "",
                request(12, "validate", "examples/izhikevich-tonic.yaml"));

        assertEquals(11, responses.size(), "one response per non-blank line");
        String[] expected = {
            "<stdin>:1:43: malformed JSON",
            "<stdin>:2:1: a request must be a JSON object",
            "<stdin>:3:11: unknown field 'comand'",
            "<stdin>:4:22: unknown command 'simlate'",
            "<stdin>:5:22: unknown command 'serve'",
            "<stdin>:6:53: \"args\" must be an array of strings",
            "<stdin>:7:21: the request names no \"command\"",
            "<stdin>:8:34: duplicate field 'command'",
            "<stdin>:9:34: more than one JSON value on the line",
        };
        for (int i = 0; i < expected.length; i++) {
            JsonNode response = responses.get(i);
            assertEquals(2, response.get("status").asInt(), response::toString);
            assertEquals(expected[i], response.get("stderr").asText().lines().findFirst().orElseThrow());
            JsonNode error = response.get("error");
            assertEquals(expected[i], error.get("file").asText() + ":" + error.get("line").asInt() + ":"
                    + error.get("column").asInt() + ": " + error.get("message").asText());
        }
        assertEquals(1, responses.get(0).get("id").asInt(), "an id read before the JSON broke off is echoed");
        assertTrue(responses.get(1).get("id").isNull(), "a request that is no object has no id");
        assertEquals(3, responses.get(2).get("id").asInt(), "the id is echoed when it was read");
        assertEquals("did you mean 'command'?", responses.get(2).at("/error/hint").asText());
        assertTrue(responses.get(3).at("/error/hint").asText().startsWith("did you mean 'simulate'?"));

        JsonNode usage = responses.get(9);
        assertEquals(commandLine("simulate", "--no-such-option", "x.yaml"), CommandResult.of(usage));
        assertEquals(2, usage.get("status").asInt());
        assertTrue(usage.at("/error/file").isNull());
        assertEquals("Unknown option: '--no-such-option'", usage.at("/error/message").asText());

        assertEquals(12, responses.get(10).get("id").asInt());
        assertEquals(0, responses.get(10).get("status").asInt());
    }

    @Test
    void anyIdIsEchoedAsSent() throws IOException {
        List<JsonNode> responses = serve(new RequestServer(), "{\"id\": {\"job\": [1, 2.5]}, \"command\": \"validate\","
                + " \"args\": [\"examples/izhikevich-tonic.yaml\"]}", "{\"command\": \"validate\", \"args\": [\"x\"]}");
        assertEquals(JSON.readTree("{\"job\": [1, 2.5]}"), responses.get(0).get("id"));
        assertTrue(responses.get(1).get("id").isNull());
    }

    @Test
    void aCrashingCommandIsAnInternalErrorAndTheServerGoesOn() throws IOException {
        RequestServer server = new RequestServer((args, out, err, failures) -> {
            if (args[1].equals("deep")) {
                throw new StackOverflowError();
            }
            if (args[1].equals("bug")) {
                throw new IllegalStateException("a bug");
            }
            return Main.execute(args, out, err, failures);
        });
        List<JsonNode> responses = serve(server, request(1, "simulate", "deep"), request(2, "validate", "bug"),
                request(3, "validate", "examples/izhikevich-tonic.yaml"));

        assertEquals(3, responses.get(0).get("status").asInt());
        assertEquals("lemsbridge: stack overflow: the input nests deeper than lemsbridge can follow (a bug: a depth"
                + " limit is missing; please report it with --debug output)\n", responses.get(0).get("stderr").asText());
        assertEquals(responses.get(0).get("stderr").asText().strip(), responses.get(0).at("/error/message").asText());
        assertEquals(3, responses.get(1).get("status").asInt());
        assertTrue(responses.get(1).get("stderr").asText().contains("java.lang.IllegalStateException: a bug"));
        assertEquals(0, responses.get(2).get("status").asInt());
    }

    @Test
    void aTooLongRequestIsRefusedWithoutKeepingIt() throws IOException {
        RequestLines lines = new RequestLines(new StringReader("x".repeat(100) + "\r\nnext\r\n"), 10);
        RequestLines.Line first = lines.next();
        assertTrue(first.tooLong());
        assertEquals("", first.text());
        assertEquals(new RequestLines.Line("next", false), lines.next());
        assertEquals(null, lines.next());

        String huge = "{\"id\": 1, \"command\": \"validate\", \"args\": [\"" + "x".repeat(RequestLines.MAX_CHARS) + "\"]}";
        List<JsonNode> responses = serve(new RequestServer(), huge, request(2, "validate",
                "examples/izhikevich-tonic.yaml"));
        assertEquals("<stdin>:1:1: the request is longer than 1048576 characters",
                responses.get(0).get("stderr").asText().lines().findFirst().orElseThrow());
        assertEquals(0, responses.get(1).get("status").asInt());
    }

    @Test
    void serveReadsStdinAndKeepsStdoutForTheResponses() {
        InputStream stdin = System.in;
        PrintStream stdout = System.out;
        String input = request(1, "validate", "examples/izhikevich-tonic.yaml") + "\n";
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream responses = new ByteArrayOutputStream();
            StringWriter err = new StringWriter();
            int status = Main.execute(new String[] {"serve"}, new PrintWriter(responses, true, StandardCharsets.UTF_8),
                    new PrintWriter(err));
            assertEquals(0, status, err.toString());
            assertEquals("{\"id\":1,\"status\":0,\"stdout\":\"\",\"stderr\":\"\"}\n",
                    responses.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
            assertEquals(stdout, System.out, "serve gives stdout back when it ends");
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
    }

    private static String[] tail(String[] commandLine) {
        String[] args = new String[commandLine.length - 1];
        System.arraycopy(commandLine, 1, args, 0, args.length);
        return args;
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> expectedFiles = relativeFiles(expected);
        assertEquals(expectedFiles, relativeFiles(actual));
        assertFalse(expectedFiles.isEmpty());
        for (Path file : expectedFiles) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)),
                    file.toString());
        }
    }

    static List<Path> relativeFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
