package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.lemsbridge.suite.CaseCosts;
import org.lemsbridge.suite.ShardPlan;
import org.lemsbridge.suite.SuiteReader;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;

/**
 * A suite run in one go and the same suite run as shards then merged give the same summary.json and junit.xml once
 * the times (and the list of shards) are taken out, byte for byte, and the same case files.
 */
class MergeCommandTest extends CommandLineTest {
    /** summary.json without the times and the shard list. */
    static String timeless(Path summaryJson) throws IOException {
        String text = Files.readString(summaryJson);
        String stripped = text.replaceAll("\"(seconds|startedAt)\": [^,\\n]*", "\"$1\": -")
                .replaceFirst("(?s),\\n  \"shards\": \\[.*\\]\\n}\\n$", "\n}\n");
        assertNotEquals(text, stripped);
        assertTrue(stripped.endsWith("\n}\n") && !stripped.contains("\"shards\""), stripped);
        return stripped;
    }

    /** junit.xml without its time and timestamp attributes. */
    static String timelessJUnit(Path junitXml) throws IOException {
        return Files.readString(junitXml).replaceAll(" (time|timestamp)=\"[^\"]*\"", "");
    }

    /** Every file of a report but its pages, summary and JUnit (which hold times), by relative path. */
    static List<String> caseFiles(Path report) throws IOException {
        try (Stream<Path> walk = Files.walk(report)) {
            return walk.filter(Files::isRegularFile).map(f -> report.relativize(f).toString())
                    .filter(f -> !f.matches(".*\\.html|report\\.md|summary\\.json|junit\\.xml")).sorted().toList();
        }
    }

    static void assertSameReport(Path single, Path merged) throws IOException {
        assertEquals(timeless(single.resolve("summary.json")), timeless(merged.resolve("summary.json")));
        assertEquals(timelessJUnit(single.resolve("junit.xml")), timelessJUnit(merged.resolve("junit.xml")));
        List<String> files = caseFiles(single);
        assertEquals(files, caseFiles(merged));
        for (String file : files) {
            assertArrayEquals(Files.readAllBytes(single.resolve(file)), Files.readAllBytes(merged.resolve(file)), file);
        }
        try (Stream<Path> walk = Files.walk(single)) {
            List<String> pages = walk.filter(f -> f.toString().endsWith(".html")).map(f -> single.relativize(f)
                    .toString()).sorted().toList();
            for (String page : pages) {
                assertTrue(Files.isRegularFile(merged.resolve(page)), page);
            }
        }
    }

    @Test
    void theEx2SuiteMergedFromTwoAndFromThreeShardsIsTheSingleRunApartFromTimes() throws IOException {
        Path single = folder.resolve("single");
        assertEquals(0, run("check", "examples/suite.yaml", "--jobs", "2", "--report", single.toString()),
                last.err());
        List<String> suiteOrder = SuiteReader.read(Path.of("examples/suite.yaml")).cases().stream()
                .map(c -> c.name()).toList();
        List<Double> costs = CaseCosts.of(SuiteReader.read(Path.of("examples/suite.yaml")), Map.of()).values();
        for (int n : new int[] {2, 3}) {
            ShardPlan plan = ShardPlan.of(costs, n);
            List<String> shards = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                Path report = folder.resolve(n + "-shard-" + k);
                assertEquals(0, run("check", "examples/suite.yaml", "--shard", k + "/" + n, "--jobs", "2",
                        "--report", report.toString()), last.err());
                SuiteSummary summary = SuiteReports.read(report.resolve("summary.json"));
                List<Integer> numbers = plan.positions(k).stream().map(p -> p + 1).toList();
                SuiteSummary.ShardRun shard = summary.shards().get(0);
                assertEquals(List.of(k, n, 7), List.of(shard.index(), shard.count(), shard.suiteCases()));
                assertEquals(numbers, shard.cases());
                assertEquals("cells x steps", shard.basis());
                assertTrue(shard.suiteDigest().matches("[0-9a-f]{64}"), shard.suiteDigest());
                assertTrue(Files.readString(report.resolve("index.html")).contains("<dt>shard " + k + "/" + n
                        + "</dt><dd>" + numbers.size() + " of 7 cases in "));
                assertEquals(numbers.stream().map(i -> suiteOrder.get(i - 1)).toList(),
                        summary.cases().stream().map(SuiteSummary.CaseSummary::name).toList());
                assertTrue(Files.readString(report.resolve("junit.xml")).contains(
                        "<testsuites name=\"Ex2 Izhikevich validation (shard " + k + "/" + n + ")\""));
                shards.add(report.toString());
            }
            Path merged = folder.resolve("merged-" + n);
            Path junit = folder.resolve("junit-" + n + ".xml");
            List<String> args = new ArrayList<>(List.of("merge"));
            Collections.reverse(shards);
            args.addAll(shards);
            args.addAll(List.of("-o", merged.toString(), "--junit", junit.toString()));
            assertEquals(0, run(args.toArray(String[]::new)), last.err());
            assertSameReport(single, merged);
            assertEquals(Files.readString(junit), Files.readString(merged.resolve("junit.xml")));
            SuiteSummary summary = SuiteReports.read(merged.resolve("summary.json"));
            assertEquals(n, summary.shards().size());
            assertEquals(summary.shards().stream().mapToDouble(SuiteSummary.ShardRun::seconds).max().orElseThrow(),
                    summary.run().seconds());
            String index = Files.readString(merged.resolve("index.html"));
            assertTrue(index.contains("<dt>shard " + n + "/" + n + "</dt>"), index);
            assertTrue(last.out().contains("7 passed, 0 failed, 0 errors (7 cases, "), last.out());
        }
        // the LEMS case runs 17 instances (four cells with their inputs), a YAML case fewer; 40 000 steps each
        assertEquals(17 * 40_000.0, costs.get(0));
        // the LEMS case (17 instances) weighs as much as the six one-cell cases together
        assertEquals(List.of(1, 2, 2, 2, 2, 2, 2), ShardPlan.of(costs, 2).shardOf());
        assertEquals(List.of(1, 2, 3, 2, 3, 2, 3), ShardPlan.of(costs, 3).shardOf());
    }
}
