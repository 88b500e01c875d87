package org.lemsbridge.suite;

import java.util.List;

import org.lemsbridge.compare.Comparison;

/**
 * What one case came to: a comparison or an OMV check (pass or fail), or an error that stopped it before a comparison could be made
 * ({@code error} holds the one-line message; {@code badInput} tells a user mistake from a bug).
 *
 * @param plots for each compared column (same order), the PNG path relative to the report folder, or null
 */
public record CaseResult(SuiteCase suiteCase, Comparison comparison, OmvRunner.OmvRun omv, List<String> plots,
                         List<String> warnings, String error, boolean badInput, double seconds) {

    public CaseResult {
        plots = plots == null ? List.of() : List.copyOf(plots);
        warnings = List.copyOf(warnings);
    }

    public static CaseResult failed(SuiteCase suiteCase, String error, boolean badInput, List<String> warnings,
            double seconds) {
        return new CaseResult(suiteCase, null, null, List.of(), warnings, error, badInput, seconds);
    }

    public boolean passed() {
        if (error != null) {
            return false;
        }
        return comparison != null ? comparison.passed() : omv != null && omv.passed();
    }

    /** {@code pass}, {@code fail} or {@code error}. */
    public String status() {
        return error != null ? "error" : passed() ? "pass" : "fail";
    }

    /** The tier reached, {@code omv} for an OMV test, or {@code -} when there was no comparison. */
    public String tier() {
        if (omv != null) {
            return "omv";
        }
        return comparison == null ? "-" : comparison.verdict().tier().label();
    }
}
