package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.lemsbridge.suite.ShardSelection;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;
import org.lemsbridge.testing.PopulationModel;

/**
 * {@code check} with several suite files and folders: one JVM, one report whose cases are each single suite's own
 * results under SUITE/CASE names, the exit code of the whole, and shards split over all the cases.
 */
class CheckSuitesTest extends CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TONIC = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
    private static final Path BURST = Path.of("examples/izhikevich-burst.yaml").toAbsolutePath();
    private static final Path REFERENCE = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();

    private static String compared(String name, Path model, String cell) {
        return "  - name: " + name + "\n    model: " + model + "\n    reference: " + REFERENCE + "\n    columns:\n"
                + "      - {reference: \"" + cell + "[0]/v\", candidate: v, candidate_unit: mV}\n"
                + "      - {reference: \"" + cell + "[0]/U\", candidate: U}\n    tolerance: exact\n";
    }

    private Path write(String name, String text) throws IOException {
        Path path = folder.resolve(name);
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    private static JsonNode cases(Path report) throws IOException {
        return JSON.readTree(report.resolve("summary.json").toFile()).get("cases");
    }

    /** A case of a single suite's report as the combined report shows it: its name and folder under the suite's. */
    private static JsonNode asCombined(JsonNode single, String suite) {
        String name = single.get("name").asText();
        String folder = "cases/" + name + "/";
        String combinedFolder = "cases/" + suite.replace('/', '_') + "_" + name + "/";
        ObjectNode c = (ObjectNode) timeless(JSON.valueToTree(single));
        c.put("name", suite + "/" + name);
        try {
            return JSON.readTree(JSON.writeValueAsString(c).replace("\"" + folder, "\"" + combinedFolder));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case without its time and the inputs' paths (shown from another folder in the combined report). */
    private static JsonNode timeless(JsonNode c) {
        ObjectNode copy = c.deepCopy();
        copy.remove(List.of("seconds", "model", "reference"));
        if (copy.get("comparison") instanceof ObjectNode comparison) {
            comparison.remove("reference");
        }
        return copy;
    }

    /** Every file under {@code folder}, by relative path. */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    /** The {@code testsuite} elements of a JUnit file, without times. */
    private static List<String> testsuites(Path junit) throws IOException {
        String text = MergeCommandTest.timelessJUnit(junit);
        return List.of(text.substring(text.indexOf("\n  <testsuite ") + 1, text.indexOf("</testsuites>")));
    }

    @Test
    void twoSuitesRunAsOneGiveEachCaseItsSingleRunsResultUnderItsSuitesName() throws IOException {
        Path ex2 = write("ex2/izh.yaml", "suite: Ex2 subset\ncases:\n" + compared("tonic-yaml", TONIC, "izpopTonic")
                + compared("burst-yaml", BURST, "izpopBurst"));
        Path more = write("more/runs.yaml", "suite: more runs\ncases:\n  - {name: tonic-run, model: " + TONIC + "}\n"
                + compared("tonic-vs-burst", TONIC, "izpopBurst"));
        Path single = folder.resolve("single");
        assertEquals(0, run("check", ex2.toString(), "--jobs", "2", "--report", single.resolve("ex2").toString(),
                "--junit", single.resolve("ex2.xml").toString()), last.err());
        assertEquals(1, run("check", more.toString(), "--jobs", "2", "--report", single.resolve("more").toString(),
                "--junit", single.resolve("more.xml").toString()), last.err());

        Path report = folder.resolve("both");
        Path junit = folder.resolve("both.xml");
        assertEquals(1, run("check", ex2.toString(), more.toString(), "--jobs", "2", "--report", report.toString(),
                "--junit", junit.toString()), last.err());

        SuiteSummary summary = SuiteReports.read(report.resolve("summary.json"));
        assertEquals("Ex2 subset + more runs", summary.suite());
        assertEquals("../ex2/izh.yaml, ../more/runs.yaml", summary.suiteFile());
        assertEquals(List.of("ex2/izh/tonic-yaml", "ex2/izh/burst-yaml", "more/runs/tonic-run",
                "more/runs/tonic-vs-burst"), summary.cases().stream().map(SuiteSummary.CaseSummary::name).toList());
        assertEquals(List.of(3, 1, 0), List.of(summary.passed(), summary.failed(), summary.errors()));
        assertEquals(List.of("exact", "exact", "run", "fail"), summary.cases().stream()
                .map(SuiteSummary.CaseSummary::tier).toList());
        // inputs are shown from the folder holding both suite files
        String tonic = folder.relativize(TONIC).toString();
        String reference = folder.relativize(REFERENCE).toString();
        assertEquals(List.of(tonic, reference, reference), List.of(summary.cases().get(0).model(),
                summary.cases().get(0).reference(), summary.cases().get(0).comparison().reference()));

        // every case is its single run's, metrics and verdicts to the last digit, under its new name and folder
        JsonNode combined = cases(report);
        List<JsonNode> expected = new ArrayList<>();
        cases(single.resolve("ex2")).forEach(c -> expected.add(asCombined(c, "ex2/izh")));
        cases(single.resolve("more")).forEach(c -> expected.add(asCombined(c, "more/runs")));
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), timeless(combined.get(i)), expected.get(i).get("name").asText());
        }
        // and its outputs are the same bytes
        for (String[] c : new String[][] {{"ex2", "tonic-yaml", "ex2_izh_tonic-yaml"},
                {"ex2", "burst-yaml", "ex2_izh_burst-yaml"}, {"more", "tonic-run", "more_runs_tonic-run"},
                {"more", "tonic-vs-burst", "more_runs_tonic-vs-burst"}}) {
            Path alone = single.resolve(c[0]).resolve("cases").resolve(c[1]).resolve("output");
            Path together = report.resolve("cases").resolve(c[2]).resolve("output");
            List<String> outputs = files(alone);
            assertEquals(outputs, files(together));
            assertTrue(outputs.size() >= 1, c[1]);
            for (String file : outputs) {
                assertArrayEquals(Files.readAllBytes(alone.resolve(file)), Files.readAllBytes(together.resolve(file)),
                        file);
            }
        }

        // the JUnit file holds the single runs' test suites, renamed
        String renamed = testsuites(single.resolve("ex2.xml")).get(0).replace("\"tonic-yaml\"", "\"ex2/izh/tonic-yaml\"")
                .replace("\"burst-yaml\"", "\"ex2/izh/burst-yaml\"")
                + testsuites(single.resolve("more.xml")).get(0).replace("\"tonic-run\"", "\"more/runs/tonic-run\"")
                .replace("\"tonic-vs-burst\"", "\"more/runs/tonic-vs-burst\"");
        assertEquals(renamed, testsuites(junit).get(0));
        assertEquals(Files.readString(junit), Files.readString(report.resolve("junit.xml")));
        assertTrue(Files.readString(junit).contains("<testsuites name=\"Ex2 subset + more runs\" tests=\"7\""
                + " failures=\"2\" errors=\"0\""), Files.readString(junit));
        assertTrue(last.out().contains("more/runs/tonic-vs-burst"), last.out());
        assertTrue(Files.readString(report.resolve("index.html")).contains("Ex2 subset + more runs"));
    }

    @Test
    void aFolderRunsEverySuiteInItAndShardsSplitOverAllTheirCases() throws IOException {
        // cells + 2 instances (network, population, cells) x 1000 steps: 10, 4, 6 | 3, 7 thousand
        Map<String, Integer> cells = Map.of("p1", 8, "p2", 2, "p3", 4, "q1", 1, "q2", 5);
        for (Map.Entry<String, Integer> c : cells.entrySet()) {
            PopulationModel.write(write("suites/models/" + c.getKey() + ".xml", "").toAbsolutePath(), c.getValue(),
                    "10ms", "0.01ms");
        }
        Path a = write("suites/a.yaml", "suite: A\ncases:\n  - {name: p1, model: models/p1.xml}\n"
                + "  - {name: p2, model: models/p2.xml}\n  - {name: p3, model: models/p3.xml}\n");
        Path b = write("suites/sub/b.yaml", "suite: B\ncases:\n  - {name: q1, model: ../models/q1.xml}\n"
                + "  - {name: q2, model: ../models/q2.xml}\n");
        write("suites/models/experiment.yaml", Files.readString(TONIC));
        String suites = folder.resolve("suites").toString();
        Path whole = folder.resolve("whole");
        assertEquals(0, run("check", suites, "--jobs", "1", "--report", whole.toString()), last.err());
        assertEquals(List.of("a/p1", "a/p2", "a/p3", "sub/b/q1", "sub/b/q2"), SuiteReports.read(
                whole.resolve("summary.json")).cases().stream().map(SuiteSummary.CaseSummary::name).toList());

        // p1 -> 1 (10), p2 -> 2 (4), p3 -> 2 (10), q1 -> 1 on the tie (13), q2 -> 2 (17)
        List<List<Integer>> numbers = List.of(List.of(1, 4), List.of(2, 3, 5));
        List<List<String>> names = List.of(List.of("a/p1", "sub/b/q1"), List.of("a/p2", "a/p3", "sub/b/q2"));
        List<String> args = new ArrayList<>(List.of("merge"));
        for (int k = 1; k <= 2; k++) {
            Path shard = folder.resolve("shard-" + k);
            assertEquals(0, run("check", suites, "--shard", k + "/2", "--jobs", "1", "--report", shard.toString()),
                    last.err());
            assertEquals("shard " + k + "/2: " + numbers.get(k - 1).size() + " of 5 cases " + numbers.get(k - 1)
                    + " (balanced by cells x steps)", last.errLines().get(0));
            SuiteSummary summary = SuiteReports.read(shard.resolve("summary.json"));
            SuiteSummary.ShardRun run = summary.shards().get(0);
            assertEquals(numbers.get(k - 1), run.cases());
            assertEquals(5, run.suiteCases());
            assertEquals(ShardSelection.digest(List.of(a, b)), run.suiteDigest());
            assertEquals(names.get(k - 1), summary.cases().stream().map(SuiteSummary.CaseSummary::name).toList());
            assertEquals("A + B (shard " + k + "/2)", JSON.readTree(Files.readString(shard.resolve("summary.json")))
                    .get("suite").asText() + " (shard " + k + "/2)");
            args.add(shard.toString());
        }
        Path merged = folder.resolve("merged");
        args.addAll(List.of("-o", merged.toString()));
        assertEquals(0, run(args.toArray(String[]::new)), last.err());
        MergeCommandTest.assertSameReport(whole, merged);
    }

    @Test
    void theExitCodeIsTheWholeRunsAndBadInputIsOneLineBeforeAnyCaseRuns() throws IOException {
        Path good = write("good.yaml", "cases:\n  - {name: tonic, model: " + TONIC + "}\n");
        Path blow = write("blow.yaml", "dynamics:\n  name: Blow\n  state_variables:\n"
                + "    v: {equation: {rhs: \"v / 0\"}, initial_value: 1}\n");
        Path stops = write("stops.yaml", "cases:\n  - {name: blow-up, model: " + blow + "}\n");
        Path report = folder.resolve("report");
        assertEquals(2, run("check", good.toString(), stops.toString(), "--report", report.toString()), last.err());
        assertEquals(List.of("good/tonic", "stops/blow-up"), SuiteReports.read(report.resolve("summary.json")).cases()
                .stream().map(SuiteSummary.CaseSummary::name).toList());

        Path missing = write("missing.yaml", "cases:\n  - {name: a, model: nowhere.yaml}\n");
        String[][] refused = {
                {missing + ":2:22: no such file or folder: " + folder.resolve("nowhere.yaml"), good.toString(),
                        missing.toString()},
                {good + ":0:0: this suite file is given twice (also as " + good + ")", good.toString(),
                        good.toString()},
                {folder.resolve("empty") + ":0:0: the folder holds no suite file (a .yaml or .yml file with a"
                        + " top-level 'cases:')", good.toString(), folder.resolve("empty").toString()},
        };
        Files.createDirectories(folder.resolve("empty"));
        for (String[] c : refused) {
            Path never = folder.resolve("never");
            CliRun run = CliRun.of("check", c[1], c[2], "--report", never.toString());
            assertEquals(2, run.exitCode(), run.describe());
            assertEquals(List.of(c[0]), run.errLines());
            assertTrue(Files.notExists(never));
        }
    }
}
