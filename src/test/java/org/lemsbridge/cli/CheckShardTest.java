package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.files.Json;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.SuiteReader;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;

class CheckShardTest extends CommandLineTest {
    @Test
    void aShardWithNoCasesWritesAnEmptyPassingReport() throws IOException {
        Path report = folder.resolve("empty");
        assertEquals(0, run("check", "examples/suite.yaml", "--shard", "9/9", "--report", report.toString()),
                last.err());
        SuiteSummary summary = SuiteReports.read(report.resolve("summary.json"));
        assertEquals(List.of(), summary.cases());
        assertEquals(List.of(), summary.shards().get(0).cases());
    }

    @Test
    void badShardsAreOneLineAndExitTwo() {
        String[][] cases = {
                {"3/2", "--shard:0:0: shard 3 does not exist: the shards of 2 are 1 to 2"},
                {"0/2", "--shard:0:0: shard 0 does not exist: the shards of 2 are 1 to 2"},
                {"2", "--shard:0:0: '2' is not a shard: write K/N, shard K of N, say 2/4"},
                {"1/0", "--shard:0:0: the number of shards must be 1 to 10000, got 0"},
        };
        for (String[] c : cases) {
            Path report = folder.resolve("never");
            CliRun run = CliRun.of("check", "examples/suite.yaml", "--shard", c[0], "--report", report.toString());
            assertEquals(2, run.exitCode());
            assertEquals(c[1], run.err().strip());
            assertTrue(Files.notExists(report));
        }
        assertEquals(2, run("check", "examples/suite.yaml", "--timings", folder.toString()));
        assertEquals("--timings:0:0: --timings balances shards: it needs --shard K/N", last.err().strip());
    }

    @Test
    void timingsFromAnEarlierReportBalanceTheShards() throws IOException {
        Path earlier = folder.resolve("earlier");
        // an earlier report (only its case times matter) where the YAML cases took far longer than the LEMS case
        List<String> names = SuiteReader.read(Path.of("examples/suite.yaml")).cases().stream().map(c -> c.name())
                .toList();
        double[] seconds = {1, 30, 20, 10, 5, 5, 5};
        List<SuiteSummary.CaseSummary> slow = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            slow.add(new SuiteSummary.CaseSummary(names.get(i), SuiteSummary.Kind.ERROR, CaseResult.Status.ERROR,
                    "-", "exact", seconds[i], "m.yaml", "r.dat", "cases/" + names.get(i) + "/index.html", null,
                    List.of(), null, null, null, false, "m.yaml:1:1: stopped", true));
        }
        Files.createDirectories(earlier);
        Files.writeString(earlier.resolve("summary.json"), Json.data(new SuiteSummary("Ex2 Izhikevich validation",
                "../examples/suite.yaml", new SuiteSummary.RunInfo("v", "c", "2026-01-01T00:00:00Z", "m", 76, 1),
                CaseResult.Status.FAIL, 0, 0, 7, slow, List.of())));
        Path report = folder.resolve("timed");
        assertEquals(0, run("check", "examples/suite.yaml", "--shard", "1/2", "--timings", earlier.toString(),
                "--report", report.toString()), last.err());
        SuiteSummary.ShardRun shard = SuiteReports.read(report.resolve("summary.json")).shards().get(0);
        // 1 -> 1, 30 -> 2, 20 -> 1 (21), 10 -> 1 (31), 5 -> 2 (35), 5 -> 1 (36), 5 -> 2 (40)
        assertEquals(List.of(1, 3, 4, 6), shard.cases());
        assertEquals("recorded times", shard.basis());
    }
}
