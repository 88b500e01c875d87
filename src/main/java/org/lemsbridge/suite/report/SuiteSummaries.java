package org.lemsbridge.suite.report;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.lemsbridge.compare.report.ComparisonReport;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.SuiteCase;
import org.lemsbridge.suite.SuiteResult;

/** Turns a suite's results into its {@link SuiteSummary}, with every path relative (see {@link RelativePaths}). */
public final class SuiteSummaries {

    private SuiteSummaries() {
    }

    public static SuiteSummary of(SuiteResult result, SuiteSummary.RunInfo run, Path reportFolder) {
        return of(result, run, reportFolder, List.of());
    }

    /** As {@link #of(SuiteResult, SuiteSummary.RunInfo, Path)} for a run of shards (see {@link SuiteSummary}). */
    public static SuiteSummary of(SuiteResult result, SuiteSummary.RunInfo run, Path reportFolder,
            List<SuiteSummary.ShardRun> shards) {
        RelativePaths paths = new RelativePaths(result.suite().folder(), reportFolder);
        List<SuiteSummary.CaseSummary> cases = result.cases().stream().map(c -> summary(c, paths)).toList();
        String suiteFiles = result.suite().files().stream().map(paths::fromReport).collect(Collectors.joining(", "));
        return new SuiteSummary(result.suite().name(), suiteFiles, run,
                result.passed() ? CaseResult.Status.PASS : CaseResult.Status.FAIL,
                (int) result.count(CaseResult.Status.PASS), (int) result.count(CaseResult.Status.FAIL),
                (int) result.count(CaseResult.Status.ERROR), cases, shards);
    }

    private static SuiteSummary.CaseSummary summary(CaseResult result, RelativePaths paths) {
        SuiteCase c = result.suiteCase();
        String model = c.model() != null ? paths.path(c.model()) : c.omtFile() != null ? paths.path(c.omtFile()) : null;
        String reference = c.reference() == null ? null : paths.path(c.reference());
        String page = c.reportFolder() + "/index.html";
        List<String> warnings = result.warnings().stream().map(paths::text).toList();
        String required = c.tolerance().required().label();
        if (result instanceof CaseResult.Compared compared) {
            return new SuiteSummary.CaseSummary(c.name(), SuiteSummary.Kind.COMPARISON, result.status(),
                    result.tierLabel(), required, result.seconds(), model, reference, page,
                    compared.thumbnail().orElse(null), warnings,
                    ComparisonReport.of(compared.comparison(), paths::text),
                    compared.plots().stream().map(plot -> plot.orElse(null)).toList(), null, false, null, false);
        }
        if (result instanceof CaseResult.Ran ran) {
            return new SuiteSummary.CaseSummary(c.name(), SuiteSummary.Kind.RUN, result.status(), result.tierLabel(),
                    "-", result.seconds(), model, null, page, ran.thumbnail().orElse(null), warnings, null,
                    ran.pictures(), null, false, null, false);
        }
        if (result instanceof CaseResult.OmvChecked checked) {
            List<SuiteSummary.OmvCheck> checks = checked.omv().results().stream()
                    .map(r -> new SuiteSummary.OmvCheck(r.experiment(), r.passed(), paths.text(r.message()))).toList();
            return new SuiteSummary.CaseSummary(c.name(), SuiteSummary.Kind.OMV, result.status(), result.tierLabel(),
                    required, result.seconds(), model, reference, page, null, warnings, null, null, checks,
                    checked.omv().dryRun(), null, false);
        }
        CaseResult.Stopped stopped = (CaseResult.Stopped) result;
        return new SuiteSummary.CaseSummary(c.name(), SuiteSummary.Kind.ERROR, result.status(), result.tierLabel(),
                required, result.seconds(), model, reference, page, null, warnings, null, null, null, false,
                paths.text(stopped.error()), stopped.badInput());
    }
}
