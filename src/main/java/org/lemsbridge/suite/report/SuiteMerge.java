package org.lemsbridge.suite.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.SafeName;
import org.lemsbridge.suite.CaseResult.Status;

/**
 * Puts the summaries of a suite's shards ({@code check --shard K/N}) back together into the summary a single run
 * would have written, apart from its times and its list of shards. Refuses, naming the file, a report that is not
 * one shard's, shards of different suites (suite file digest, name, number of cases or shards), of different
 * lemsbridge versions or commits, a shard given twice, a missing shard, and shards whose cases overlap or leave a
 * case out (split differently, say with different {@code --timings}).
 */
public final class SuiteMerge {

    /** A shard's summary and where it was read from (for messages). */
    public record ShardReport(Path source, SuiteSummary summary) {
    }

    private SuiteMerge() {
    }

    public static SuiteSummary merge(List<ShardReport> reports) {
        if (reports.isEmpty()) {
            throw new BadInputException(SourceLocation.unknown("merge"), "no shard reports given");
        }
        ShardReport first = reports.get(0);
        SuiteSummary.ShardRun model = shardOf(first);
        Map<Integer, ShardReport> byIndex = new TreeMap<>();
        Map<Integer, ShardReport> caseOwner = new TreeMap<>();
        Map<Integer, SuiteSummary.CaseSummary> cases = new TreeMap<>();
        for (ShardReport report : reports) {
            SuiteSummary.ShardRun shard = shardOf(report);
            SuiteSummary summary = report.summary();
            fits(report, shard, first, model);
            ShardReport twin = byIndex.putIfAbsent(shard.index(), report);
            if (twin != null) {
                throw bad(report, "shard " + label(shard) + " is given twice (also " + twin.source() + ")");
            }
            if (shard.cases().size() != summary.cases().size()) {
                throw bad(report, "the shard lists " + shard.cases().size() + " case numbers but has "
                        + summary.cases().size() + " cases");
            }
            for (int i = 0; i < shard.cases().size(); i++) {
                int number = shard.cases().get(i);
                SuiteSummary.CaseSummary c = summary.cases().get(i);
                checkPage(report, c);
                if (number < 1 || number > model.suiteCases()) {
                    throw bad(report, "case number " + number + " is outside the suite's 1 to " + model.suiteCases());
                }
                ShardReport owner = caseOwner.putIfAbsent(number, report);
                if (owner != null) {
                    throw bad(report, "case " + number + " ('" + c.name() + "') is also in shard "
                            + label(shardOf(owner)) + " (" + owner.source() + "): the shards were split differently"
                            + " (run every shard with the same --timings, or none)");
                }
                cases.put(number, c);
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= model.count(); k++) {
            if (!byIndex.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new BadInputException(SourceLocation.unknown("merge"), (missing.size() == 1 ? "shard " : "shards ")
                    + missing.stream().map(k -> k + "/" + model.count()).collect(Collectors.joining(", "))
                    + (missing.size() == 1 ? " is" : " are") + " missing (given: " + byIndex.keySet().stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        for (int n = 1; n <= model.suiteCases(); n++) {
            if (!cases.containsKey(n)) {
                throw new BadInputException(SourceLocation.unknown("merge"), "case " + n + " of "
                        + model.suiteCases() + " is in no shard: the shards were split differently (run every"
                        + " shard with the same --timings, or none)");
            }
        }
        List<SuiteSummary.CaseSummary> ordered = List.copyOf(cases.values());
        List<SuiteSummary.ShardRun> shards = byIndex.values().stream().map(SuiteMerge::shardOf).toList();
        int passed = count(ordered, Status.PASS);
        int failed = count(ordered, Status.FAIL);
        int errors = count(ordered, Status.ERROR);
        SuiteSummary summary = first.summary();
        return new SuiteSummary(summary.suite(), summary.suiteFile(), run(summary.run(), shards),
                passed == ordered.size() ? Status.PASS : Status.FAIL, passed, failed, errors, ordered, shards);
    }

    /**
     * The merged run: the shards' version and commit, the earliest start, the longest shard's time (they ran side
     * by side), the most cases at once, and each distinct machine once.
     */
    private static SuiteSummary.RunInfo run(SuiteSummary.RunInfo any, List<SuiteSummary.ShardRun> shards) {
        Set<String> machines = new LinkedHashSet<>();
        shards.forEach(s -> machines.add(s.machine()));
        return new SuiteSummary.RunInfo(any.version(), any.commit(),
                shards.stream().map(SuiteSummary.ShardRun::startedAt).min(Comparator.naturalOrder()).orElseThrow(),
                String.join("; ", machines),
                shards.stream().mapToDouble(SuiteSummary.ShardRun::seconds).max().orElseThrow(),
                shards.stream().mapToInt(SuiteSummary.ShardRun::jobs).max().orElseThrow());
    }

    private static void fits(ShardReport report, SuiteSummary.ShardRun shard, ShardReport first,
            SuiteSummary.ShardRun model) {
        SuiteSummary summary = report.summary();
        SuiteSummary.RunInfo run = summary.run();
        SuiteSummary.RunInfo firstRun = first.summary().run();
        if (!shard.suiteDigest().equals(model.suiteDigest()) || !summary.suite().equals(first.summary().suite())
                || shard.suiteCases() != model.suiteCases()) {
            throw bad(report, "a shard of another suite: '" + summary.suite() + "' (" + shard.suiteCases()
                    + " cases, suite file SHA-256 " + prefix(shard.suiteDigest()) + ") against '"
                    + first.summary().suite() + "' (" + model.suiteCases() + " cases, SHA-256 "
                    + prefix(model.suiteDigest()) + ") in " + first.source());
        }
        if (shard.count() != model.count()) {
            throw bad(report, "shard " + label(shard) + " is of a split into " + shard.count() + ", "
                    + first.source() + " of one into " + model.count());
        }
        if (!run.version().equals(firstRun.version()) || !run.commit().equals(firstRun.commit())) {
            throw bad(report, "made by lemsbridge " + run.version() + " (commit " + run.commit() + "), "
                    + first.source() + " by " + firstRun.version() + " (commit " + firstRun.commit() + ")");
        }
    }

    /** A case's page must be where its name puts it: the merge copies the case's folder by it. */
    private static void checkPage(ShardReport report, SuiteSummary.CaseSummary c) {
        if (!c.page().equals(caseFolder(c) + "/index.html")) {
            throw bad(report, "case '" + c.name() + "' has its page at '" + c.page() + "', not in its own folder "
                    + caseFolder(c));
        }
    }

    /** The case's folder in a report, relative to it. */
    static String caseFolder(SuiteSummary.CaseSummary c) {
        return "cases/" + SafeName.of(c.name());
    }

    private static SuiteSummary.ShardRun shardOf(ShardReport report) {
        List<SuiteSummary.ShardRun> shards = report.summary().shards();
        if (shards.size() != 1) {
            throw bad(report, shards.isEmpty() ? "not a shard's report (its suite ran without --shard)"
                    : "a report merged from " + shards.size() + " shards, not one shard's");
        }
        return shards.get(0);
    }

    private static BadInputException bad(ShardReport report, String message) {
        return new BadInputException(SourceLocation.unknown(report.source().toString()), message);
    }

    private static String label(SuiteSummary.ShardRun shard) {
        return shard.index() + "/" + shard.count();
    }

    private static String prefix(String digest) {
        return digest.length() > 12 ? digest.substring(0, 12) : digest;
    }

    private static int count(List<SuiteSummary.CaseSummary> cases, Status status) {
        return (int) cases.stream().filter(c -> c.status() == status).count();
    }
}
