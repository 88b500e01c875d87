package org.lemsbridge.compare.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.Metrics;
import org.lemsbridge.compare.SpikeComparison;
import org.lemsbridge.compare.TierFinding;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.Verdict;

/**
 * A comparison as data: what {@code compare --format json} prints and what a suite's {@code summary.json} holds for
 * each compared case, read back unchanged (Jackson maps the records both ways). Numbers are SI; NaN and infinities
 * are null.
 *
 * @param reference    where the reference came from
 * @param candidate    where the candidate came from
 * @param sameGrid     whether both traces had the same time grid
 * @param rowsCompared the number of reference rows compared
 * @param grid         how the grids were aligned, in words
 * @param coverage     empty when the candidate covers the reference (or the window); otherwise where it falls short,
 *                     which fails the verdict whatever the values
 * @param warnings     doubtful choices made on the way
 * @param verdict      the outcome
 * @param columns      one entry per compared column, in reference order
 */
public record ComparisonReport(String reference, String candidate, boolean sameGrid, int rowsCompared, String grid,
                               String coverage, List<String> warnings, VerdictReport verdict, List<ColumnReport> columns) {

    public ComparisonReport {
        warnings = List.copyOf(warnings);
        columns = List.copyOf(columns);
    }

    /**
     * The verdict: the tier reached and the one required, the tolerances applied (by name, and in words), why it
     * missed, and a tolerance that would have passed.
     */
    public record VerdictReport(String tier, String required, boolean passed, String headline,
                                TolerancesReport tolerances, String tolerancesText, List<String> reasons,
                                String suggestion) {
        public VerdictReport {
            reasons = List.copyOf(reasons);
        }
    }

    /** Every tolerance by name ({@code spikeThreshold} null: the model's, else detected). */
    public record TolerancesReport(Double exactRelative, Double strictRtol, Double strictAtol, Double tolerantRtol,
                                   Double tolerantAtol, Double minCorrelation, Double spikeThreshold) {
    }

    /**
     * One compared column. The metrics are null when the candidate lacks the column; {@code spikes} is null for
     * columns that are not membrane potentials.
     *
     * @param passed  whether the column reaches the required tier
     * @param reasons why it does not (empty when it does)
     */
    public record ColumnReport(String quantity, String candidate, String unit, String tier, boolean passed,
                               Integer rows, Double rmse, Double maxAbsError, Integer maxAbsRow, Double maxAbsTime,
                               Double maxRelError, Double nrmse, Double pearson, Integer nanRows,
                               Double suggestedStrictRtol, Double suggestedTolerantRtol, SpikeReport spikes,
                               List<FindingReport> findings, List<String> reasons) {
        public ColumnReport {
            findings = List.copyOf(findings);
            reasons = List.copyOf(reasons);
        }

        public boolean missing() {
            return candidate == null;
        }
    }

    /** Both spike trains (times in s) and where they part. */
    public record SpikeReport(String rule, Double threshold, List<Double> reference, List<Double> candidate,
                              int countDifference, int firstDivergentIndex, Double firstDivergentReferenceTime,
                              Double firstDivergentCandidateTime, Double largestShift) {
        public SpikeReport {
            reference = List.copyOf(reference);
            candidate = List.copyOf(candidate);
        }
    }

    /** Why a column missed a tier. */
    public record FindingReport(String missedTier, String kind, String message) {
    }

    public static ComparisonReport of(Comparison comparison) {
        return of(comparison, UnaryOperator.identity());
    }

    /** The comparison with every path and message passed through {@code text} (say, to make paths relative). */
    public static ComparisonReport of(Comparison comparison, UnaryOperator<String> text) {
        List<ColumnReport> columns = new ArrayList<>();
        for (ColumnComparison column : comparison.columns()) {
            columns.add(column(column, comparison.verdict(), text));
        }
        return new ComparisonReport(text.apply(comparison.referenceSource()), text.apply(comparison.candidateSource()),
                comparison.alignment().sameGrid(), comparison.alignment().rows(),
                text.apply(comparison.alignment().note()), text.apply(comparison.alignment().shortfall()),
                comparison.warnings().stream().map(text).toList(),
                verdict(comparison.verdict(), text), columns);
    }

    private static VerdictReport verdict(Verdict v, UnaryOperator<String> text) {
        Tolerances t = v.tolerances();
        TolerancesReport tolerances = new TolerancesReport(n(t.exactRelative()), n(t.strictRtol()), n(t.strictAtol()),
                n(t.tolerantRtol()), n(t.tolerantAtol()), n(t.minCorrelation()), n(t.spikeThreshold()));
        return new VerdictReport(v.tier().label(), v.required().label(), v.passed(), v.headline(), tolerances,
                t.describe(), v.reasons().stream().map(text).toList(), text.apply(v.suggestion()));
    }

    private static ColumnReport column(ColumnComparison c, Verdict verdict, UnaryOperator<String> text) {
        List<FindingReport> findings = new ArrayList<>();
        for (TierFinding finding : c.findings()) {
            findings.add(new FindingReport(finding.tier().label(), finding.kind().name().toLowerCase(Locale.ROOT),
                    text.apply(finding.message())));
        }
        boolean passed = c.tier().satisfies(verdict.required());
        List<String> reasons = c.reasonsAgainst(verdict.required()).stream().map(text).toList();
        if (c.missing()) {
            return new ColumnReport(c.quantity(), null, c.unit(), c.tier().label(), passed, null, null, null, null,
                    null, null, null, null, null, null, null, null, findings, reasons);
        }
        Metrics m = c.metrics();
        return new ColumnReport(c.quantity(), c.candidate().quantity(), c.unit(), c.tier().label(), passed, m.rows(),
                n(m.rmse()), n(m.maxAbsError()), m.maxAbsRow(), n(m.maxAbsTime()), n(m.maxRelError()), n(m.nrmse()),
                n(m.pearson()), m.nanRows(), n(c.strict().suggestedRtol()), n(c.tolerant().suggestedRtol()),
                spikes(c.spikes(), c.unit()), findings, reasons);
    }

    private static SpikeReport spikes(SpikeComparison s, String unit) {
        if (s == null) {
            return null;
        }
        return new SpikeReport(s.reference().rule().describe(unit), n(s.reference().rule().markerLevel()),
                s.reference().times(), s.candidate().times(), s.countDifference(), s.firstDivergentIndex(),
                n(s.firstDivergentRefTime()), n(s.firstDivergentCandTime()), n(s.largestShift()));
    }

    /** A number JSON can hold: NaN and infinities as null. */
    static Double n(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
