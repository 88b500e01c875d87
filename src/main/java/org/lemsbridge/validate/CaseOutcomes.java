package org.lemsbridge.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.compare.Verdict;
import org.lemsbridge.compare.omv.OmvResult;
import org.lemsbridge.suite.CaseResult;
import org.lemsbridge.suite.SuiteCase;
import org.lemsbridge.suite.SuiteResult;

/**
 * The cases of a check run that did not pass, as findings for the CI formats: one per failed or stopped case, at the
 * case's line in its suite file ({@link Code#CASE_FAILED}, {@link Code#CASE_ERROR}, {@link Code#CASE_CRASH}), with
 * the case's report page as the hint. One report per suite file, in the order of the cases.
 */
public final class CaseOutcomes {

    private CaseOutcomes() {
    }

    /** The findings of {@code result}'s cases that did not pass; {@code reportFolder} is where their pages are. */
    public static List<FileReport> of(SuiteResult result, Path reportFolder) {
        Map<String, List<Finding>> bySuiteFile = new LinkedHashMap<>();
        for (CaseResult c : result.cases()) {
            if (c.passed()) {
                continue;
            }
            SuiteCase suiteCase = c.suiteCase();
            String page = reportFolder.resolve(suiteCase.reportFolder()).resolve("index.html").toString();
            bySuiteFile.computeIfAbsent(suiteCase.location().file(), file -> new ArrayList<>())
                    .add(finding(c, "the case's page " + page + " shows"));
        }
        List<FileReport> reports = new ArrayList<>();
        bySuiteFile.forEach((file, findings) -> reports.add(FileReport.of(file, findings)));
        return reports;
    }

    private static Finding finding(CaseResult c, String pageShows) {
        String name = "case '" + c.suiteCase().name() + "'";
        if (c instanceof CaseResult.Compared compared) {
            Verdict verdict = compared.comparison().verdict();
            return Finding.error(Code.CASE_FAILED, c.suiteCase().location(), name + ": " + verdict.headline()
                    + (verdict.reasons().isEmpty() ? "" : ": " + String.join("; ", verdict.reasons())),
                    pageShows + " each column's metrics and plot");
        }
        if (c instanceof CaseResult.OmvChecked checked) {
            List<String> failed = checked.omv().results().stream().filter(r -> !r.passed())
                    .map(OmvResult::message).toList();
            return Finding.error(Code.CASE_FAILED, c.suiteCase().location(), name + ": FAIL (omv): "
                    + String.join("; ", failed), pageShows + " each check's expected and observed values");
        }
        CaseResult.Stopped stopped = (CaseResult.Stopped) c;
        return Finding.error(stopped.badInput() ? Code.CASE_ERROR : Code.CASE_CRASH, c.suiteCase().location(),
                name + ": ERROR: " + stopped.error(), pageShows + " the same");
    }
}
