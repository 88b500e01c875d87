package org.lemsbridge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.lemsbridge.cli.CliRun;

/** Runs every case of {@code hostile/cases.yaml} through {@code Main.execute} and checks the hostile-input contract. */
class HostileCorpusTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    record Case(String id, List<String> args, int exit, String message, String at, String knownBug) {
        @Override
        public String toString() {
            return id;
        }
    }

    static Path corpus() {
        URL manifest = HostileCorpusTest.class.getResource("/org/lemsbridge/hostile/cases.yaml");
        try {
            return Path.of(manifest.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Case> cases() {
        try (InputStream in = Files.newInputStream(corpus().resolve("cases.yaml"))) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Case> cases = new ArrayList<>();
            for (Map<String, Object> entry : (List<Map<String, Object>>) root.get("cases")) {
                cases.add(new Case((String) entry.get("id"), (List<String>) entry.get("args"),
                        (Integer) entry.get("exit"), (String) entry.get("message"), (String) entry.get("at"),
                        (String) entry.get("known_bug")));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusHasAtLeastFortyHostileFilesThatExist() {
        Set<String> inputs = new TreeSet<>();
        for (Case hostile : cases()) {
            for (String arg : hostile.args()) {
                String name = arg.substring(arg.lastIndexOf('/') + 1);
                if (arg.startsWith("{dir}/") && !name.startsWith("ok-") && !name.startsWith("no-such")
                        && !name.startsWith("missing") && Files.isRegularFile(Path.of(arg.replace("{dir}",
                                corpus().toString())))) {
                    inputs.add(arg);
                }
            }
        }
        assertTrue(inputs.size() >= 40, "only " + inputs.size() + " hostile files: " + inputs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void keepsTheContract(Case hostile, @TempDir Path temp) throws IOException {
        assumeTrue(hostile.knownBug() == null, () -> "known bug, listed for routing: " + hostile.knownBug());
        Path out = Files.createDirectory(temp.resolve("out"));
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file where a folder is expected");
        List<String> args = hostile.args().stream().map(a -> a.replace("{dir}", corpus().toString())
                .replace("{out}", out.toString()).replace("{blocker}", blocker.toString())).toList();
        Map<Path, String> before = HostileContract.hashes(corpus());

        CliRun run = assertTimeoutPreemptively(LIMIT, () -> CliRun.of(args), "took over " + LIMIT);

        assertEquals(hostile.exit(), run.exitCode(), run::describe);
        HostileContract.assertKept(run);
        assertEquals(before, HostileContract.hashes(corpus()), "an input file was changed");
        String secret = Files.readString(corpus().resolve("secret.txt")).trim();
        assertFalse((run.out() + run.err() + HostileContract.contents(out)).contains(secret), "the secret leaked");
        if (hostile.exit() == 2) {
            assertTrue(run.errLines().get(0).contains(hostile.message()), run::describe);
            assertEquals(hostile.at(), HostileContract.errorPlace(run), run::describe);
            assertEquals("", run.out(), "a failed command printed results: " + run.describe());
        } else if (hostile.exit() == 1 && hostile.message() != null) {
            String finding = run.out().lines().filter(line -> line.contains(hostile.message())).findFirst()
                    .orElseThrow(() -> new AssertionError("no finding with '" + hostile.message() + "': "
                            + run.describe()));
            assertTrue(finding.contains(":" + hostile.at() + ": error "), finding);
        }
        if (hostile.exit() != 0) {
            HostileContract.assertNoFiles(out, run);
        } else {
            assertRenderedXmlIsSafe(out);
        }
    }

    /** Whatever a successful command wrote as .xml parses with DOCTYPEs refused and holds only LEMS. */
    private static void assertRenderedXmlIsSafe(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            for (Path xml : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Document document = parseSafely(xml);
                assertEquals("Lems", document.getDocumentElement().getLocalName(), xml.toString());
                assertEquals(0, document.getElementsByTagNameNS("*", "x").getLength(), "injected element in " + xml);
                assertEquals(0, document.getElementsByTagNameNS("*", "Include").getLength(), "injected include");
                assertFalse(Files.readString(xml, StandardCharsets.UTF_8).contains("<!DOCTYPE"), "injected DOCTYPE");
            }
        }
    }

    private static Document parseSafely(Path xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new AssertionError("rendered output is not well-formed, safe XML: " + xml + ": " + e.getMessage(), e);
        }
    }
}
