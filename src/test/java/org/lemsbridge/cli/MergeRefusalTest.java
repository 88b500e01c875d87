package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.files.Json;
import org.lemsbridge.suite.CaseResult.Status;
import org.lemsbridge.suite.report.SuiteSummary;

/** merge refuses shards that do not make one suite run: one line naming the file, exit 2, no merged report. */
class MergeRefusalTest {
    @TempDir
    Path folder;

    private static final String DIGEST = "a".repeat(64);

    /** A shard report folder holding only a summary.json: cases named c1, c2, ... by their suite number. */
    private Path shard(String name, int index, int count, int suiteCases, List<Integer> numbers, String digest,
            String commit) throws IOException {
        List<SuiteSummary.CaseSummary> cases = new ArrayList<>();
        for (int n : numbers) {
            cases.add(new SuiteSummary.CaseSummary("c" + n, SuiteSummary.Kind.ERROR, Status.ERROR, "-", "exact", 1,
                    "m.yaml", "r.dat", "cases/c" + n + "/index.html", null, List.of(), null, null, null, false,
                    "m.yaml:1:1: stopped", true));
        }
        SuiteSummary summary = new SuiteSummary("S", "../suite.yaml", new SuiteSummary.RunInfo("0.1", commit,
                "2026-01-01T00:00:00Z", "m", 1, 1), Status.FAIL, 0, 0, cases.size(), cases,
                List.of(new SuiteSummary.ShardRun(index, count, digest, suiteCases, numbers, "cells x steps",
                        "2026-01-01T00:00:00Z", "m", 1, 1)));
        Path report = folder.resolve(name);
        Files.createDirectories(report);
        Files.writeString(report.resolve("summary.json"), Json.data(summary));
        return report;
    }

    private Path shard(String name, int index, int count, List<Integer> numbers) throws IOException {
        return shard(name, index, count, 4, numbers, DIGEST, "abc");
    }

    private void assertRefused(String expected, Path... reports) {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path report : reports) {
            args.add(report.toString());
        }
        Path merged = folder.resolve("merged");
        args.addAll(List.of("-o", merged.toString()));
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode());
        assertEquals(expected, run.err().strip());
        assertTrue(Files.notExists(merged), "a merged report was written");
    }

    private static String at(Path report) {
        return report.resolve("summary.json") + ":0:0: ";
    }

    @Test
    void aMissingShardIsRefused() throws IOException {
        Path one = shard("one", 1, 3, List.of(1, 4));
        Path three = shard("three", 3, 3, List.of(3));
        assertRefused("merge:0:0: shard 2/3 is missing (given: 1, 3)", one, three);
        assertRefused("merge:0:0: shards 1/3, 3/3 are missing (given: 2)", shard("two", 2, 3, List.of(2)));
    }

    @Test
    void aShardGivenTwiceIsRefusedEvenWhenBothCopiesAreEqual() throws IOException {
        Path one = shard("one", 1, 2, List.of(1, 2));
        Path again = shard("again", 1, 2, List.of(1, 2));
        Path two = shard("two", 2, 2, List.of(3, 4));
        assertRefused(at(again) + "shard 1/2 is given twice (also " + one.resolve("summary.json") + ")", one, two,
                again);
    }

    @Test
    void shardsOfAnotherSuiteOrVersionOrSplitAreRefused() throws IOException {
        Path one = shard("one", 1, 2, List.of(1, 2));
        Path edited = shard("edited", 2, 2, 4, List.of(3, 4), "b".repeat(64), "abc");
        assertRefused(at(edited) + "a shard of another suite: 'S' (4 cases, suite file SHA-256 bbbbbbbbbbbb)"
                + " against 'S' (4 cases, SHA-256 aaaaaaaaaaaa) in " + one.resolve("summary.json"), one, edited);
        Path newer = shard("newer", 2, 2, 4, List.of(3, 4), DIGEST, "def");
        assertRefused(at(newer) + "made by lemsbridge 0.1 (commit def), " + one.resolve("summary.json")
                + " by 0.1 (commit abc)", one, newer);
        Path ofThree = shard("of-three", 2, 3, List.of(3, 4));
        assertRefused(at(ofThree) + "shard 2/3 is of a split into 3, " + one.resolve("summary.json")
                + " of one into 2", one, ofThree);
    }

    @Test
    void shardsSplitDifferentlyAreRefused() throws IOException {
        Path one = shard("one", 1, 2, List.of(1, 2));
        Path overlapping = shard("overlapping", 2, 2, List.of(2, 3, 4));
        assertRefused(at(overlapping) + "case 2 ('c2') is also in shard 1/2 (" + one.resolve("summary.json")
                + "): the shards were split differently (run every shard with the same --timings, or none)", one,
                overlapping);
        Path short2 = shard("short", 2, 2, List.of(4));
        assertRefused("merge:0:0: case 3 of 4 is in no shard: the shards were split differently (run every shard"
                + " with the same --timings, or none)", one, short2);
    }

    @Test
    void reportsThatAreNotOneShardsAreRefused() throws IOException {
        Path plain = folder.resolve("plain");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("summary.json"), Json.data(new SuiteSummary("S", "../suite.yaml",
                new SuiteSummary.RunInfo("0.1", "abc", "2026-01-01T00:00:00Z", "m", 1, 1), Status.PASS, 0, 0, 0,
                List.of(), List.of())));
        assertRefused(at(plain) + "not a shard's report (its suite ran without --shard)", plain);
        Path empty = folder.resolve("empty");
        Files.createDirectories(empty);
        assertRefused(empty + ":0:0: not a report: there is no " + empty.resolve("summary.json"), empty);
        Path one = shard("one", 1, 1, List.of(1, 2, 3, 4));
        CliRun run = CliRun.of("merge", one.toString(), "-o", one.toString());
        assertEquals(2, run.exitCode());
        assertEquals(one + ":0:0: the merged report would overwrite this shard's report: give another -o folder",
                run.err().strip());
    }

    @Test
    void aCasePageOutsideItsOwnFolderIsRefused() throws IOException {
        Path one = shard("one", 1, 1, List.of(1, 2, 3, 4));
        Path summary = one.resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replace("cases/c3/index.html", "../../c3/index.html"));
        assertRefused(at(one) + "case 'c3' has its page at '../../c3/index.html', not in its own folder cases/c3",
                one);
    }
}
