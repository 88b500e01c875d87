package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every command line of the hostile-input corpus ({@code hostile/cases.yaml}), sent one after another to one server,
 * is answered with the command line's own exit code, stdout and stderr, and leaves the same files behind.
 */
class ServeHostileCorpusTest {

    record Case(String id, List<String> args) {
    }

    @TempDir
    Path temp;

    @SuppressWarnings("unchecked")
    private static List<Case> cases(Path corpus) throws IOException {
        try (InputStream in = Files.newInputStream(corpus.resolve("cases.yaml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Case> cases = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("cases")) {
                cases.add(new Case((String) entry.get("id"), (List<String>) entry.get("args")));
            }
            return cases;
        }
    }

    @Test
    void oneServerAnswersTheWholeCorpusAsTheCommandLineDoes() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/org/lemsbridge/hostile/cases.yaml").toURI()).getParent();
        List<Case> cases = cases(corpus);
        assertTrue(cases.size() >= 100, "the corpus has " + cases.size() + " cases");

        List<String> requests = new ArrayList<>();
        List<RequestServerTest.CommandResult> expected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case hostile = cases.get(i);
            expected.add(commandLine(arguments(hostile, corpus, place("command", i))));
            requests.add(RequestServerTest.request(hostile.id(), hostile.args().get(0),
                    arguments(hostile, corpus, place("serve", i)).stream().skip(1).toArray(String[]::new)));
        }
        List<JsonNode> responses = RequestServerTest.serve(new RequestServer(), requests.toArray(String[]::new));

        assertEquals(cases.size(), responses.size());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode response = responses.get(i);
            assertEquals(cases.get(i).id(), response.get("id").asText());
            String servePlace = place("serve", i).toString();
            String commandPlace = place("command", i).toString();
            RequestServerTest.CommandResult answer = new RequestServerTest.CommandResult(response.get("status").asInt(),
                    response.get("stdout").asText().replace(servePlace, commandPlace),
                    response.get("stderr").asText().replace(servePlace, commandPlace));
            assertEquals(expected.get(i), answer, cases.get(i).id());
            assertEquals(RequestServerTest.relativeFiles(place("command", i)),
                    RequestServerTest.relativeFiles(place("serve", i)), cases.get(i).id());
            for (Path file : RequestServerTest.relativeFiles(place("command", i))) {
                assertEquals(bytesAsText(place("command", i).resolve(file)).replace(commandPlace, "PLACE"),
                        bytesAsText(place("serve", i).resolve(file)).replace(servePlace, "PLACE"),
                        cases.get(i).id() + ": " + file);
            }
        }
    }

    /** A file's bytes one char each, so that a path inside can be replaced whatever the encoding. */
    private static String bytesAsText(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private Path place(String runner, int index) {
        return temp.resolve(runner + index);
    }

    /** The case's command line with {dir}, {out} and {blocker} replaced, as the corpus test does. */
    private static List<String> arguments(Case hostile, Path corpus, Path place) throws IOException {
        Path out = place.resolve("out");
        Path blocker = place.resolve("blocker");
        if (!Files.exists(out)) {
            Files.createDirectories(out);
            Files.writeString(blocker, "a file where a folder is expected");
        }
        return hostile.args().stream().map(arg -> arg.replace("{dir}", corpus.toString())
                .replace("{out}", out.toString()).replace("{blocker}", blocker.toString())).toList();
    }

    private static RequestServerTest.CommandResult commandLine(List<String> args) {
        return RequestServerTest.CommandResult.of(CliRun.of(args));
    }
}
