package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.compare.TierFinding.Kind;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceLayout;

/**
 * Compares a candidate trace with a reference trace: pairs columns by name, converts both sides to SI, aligns the
 * time grids, computes metrics and spike trains, and grades each column and the whole into tiers.
 */
public final class TraceComparator {

    private static final Pattern MEMBRANE_NAME = Pattern.compile("[vV](_?[mM])?");

    private TraceComparator() {
    }

    public static Comparison compare(Trace reference, Trace candidate, ComparisonOptions options) {
        return run(reference, candidate, options).comparison();
    }

    /**
     * Like {@link #compare} but also hands back the aligned numbers, for plots. Values and spikes are compared on
     * the reference rows inside both the window and the candidate's time range; whether the candidate covers what it
     * must is the alignment's coverage, which fails every tier when short.
     */
    public static ComparisonRun run(Trace reference, Trace candidate, ComparisonOptions options) {
        List<String> warnings = new ArrayList<>();
        List<ColumnMatch> matches = ColumnMatcher.match(reference.layout(), candidate.layout(), options.columns(),
                warnings::add);
        double[] refTime = toSeconds(reference.time(), timeUnit(reference.layout(), warnings, "reference"));
        double[] candTime = toSeconds(candidate.time(), timeUnit(candidate.layout(), warnings, "candidate"));
        TimeAlignment alignment = TimeAlignment.of(refTime, candTime, candidate.source(), options.window());
        double[] time = alignment.referenceTimes(refTime);
        Tolerances tolerances = options.tolerances();

        List<ColumnComparison> results = new ArrayList<>();
        List<AlignedColumn> aligned = new ArrayList<>();
        for (ColumnMatch match : matches) {
            Column refColumn = reference.column(match.referenceIndex());
            if (match.missing()) {
                results.add(missing(refColumn, match, candidate.layout()));
                continue;
            }
            Column candColumn = candidate.column(match.candidateIndex());
            UnitPairing units = UnitPairing.of(refColumn, candColumn, match.request());
            units.warning().ifPresent(warnings::add);
            double[] refNative = units.referenceToSi(reference.values(match.referenceIndex()));
            double[] candNative = units.candidateToSi(candidate.values(match.candidateIndex()));
            double[] refValues = Arrays.copyOfRange(refNative, alignment.firstRow(), alignment.endRow());
            double[] candValues = alignment.candidateOnGrid(refTime, candTime, candNative);
            SpikeComparison spikes = spikeRule(refColumn, candColumn, units, options,
                    () -> detectedRule(SpikeSource.of(refNative), SpikeSource.of(candNative)))
                    .map(rule -> spikes(time, SpikeTrain.detect(refTime, refNative, rule),
                            SpikeTrain.detect(candTime, candNative, rule)))
                    .orElse(null);
            MetricsAccumulator sums = Metrics.accumulate(refValues, candValues);
            ColumnMeasures measures = new ColumnMeasures(sums.metrics(time),
                    AllcloseCheck.of(time, refValues, candValues, tolerances.strictRtol(), tolerances.strictAtol()),
                    AllcloseCheck.of(time, refValues, candValues, tolerances.tolerantRtol(), tolerances.tolerantAtol()),
                    sums.firstNanReference(), sums.firstNanCandidate());
            ColumnComparison result = grade(refColumn, candColumn, units, time, measures, spikes, tolerances,
                    alignment);
            results.add(result);
            aligned.add(new AlignedColumn(result, time, refValues, candValues));
        }
        Verdict verdict = VerdictRules.verdict(results, options.tolerances(), options.required(),
                alignment.shortfall());
        Comparison comparison = new Comparison(reference.source(), candidate.source(), alignment, results, warnings,
                verdict);
        return new ComparisonRun(comparison, aligned);
    }

    /** The unit of a trace's time column (seconds, with a warning, when it has none). */
    static SiUnit timeUnit(TraceLayout trace, List<String> warnings, String side) {
        Column column = trace.timeColumn();
        SiUnit unit = UnitLookup.resolve(column.unit());
        if (!unit.known()) {
            warnings.add(side + " time column has no unit; assumed seconds");
            return unit;
        }
        if (!unit.sameDimension(UnitLookup.resolve("s"))) {
            throw new BadInputException(SourceLocation.unknown(trace.source()), side + " time column '"
                    + column.name() + "' is in " + unit.symbol() + ", not a unit of time");
        }
        return unit;
    }

    /** {@code time} converted in place from {@code unit} to seconds (untouched when the unit is unknown). */
    static double[] toSeconds(double[] time, SiUnit unit) {
        if (!unit.known()) {
            return time;
        }
        for (int i = 0; i < time.length; i++) {
            time[i] = unit.toSi(time[i]);
        }
        return time;
    }

    static ColumnComparison missing(Column refColumn, ColumnMatch match, TraceLayout candidate) {
        List<String> names = new ArrayList<>();
        candidate.columns().forEach(c -> names.add(c.quantity()));
        String message = refColumn.quantity() + ": the candidate has no column '" + match.request().candidate()
                + "' (it has " + String.join(", ", names) + ")" + (match.note() == null ? "" : "; " + match.note());
        return new ColumnComparison(refColumn, null, refColumn.unit(), null, null, null, null, Tier.FAIL,
                List.of(new TierFinding(Tier.FAIL, Kind.MISSING_COLUMN, message)));
    }

    /** Both spike trains, kept to the compared times. */
    static SpikeComparison spikes(double[] time, SpikeTrain reference, SpikeTrain candidate) {
        double from = time[0];
        double to = time[time.length - 1];
        return SpikeComparison.of(reference.within(from, to), candidate.within(from, to));
    }

    /**
     * The spike rule of a membrane-potential column (empty for any other column): the {@linkplain #knownSpikeRule
     * known rule}, else {@code detected} (the rule the traces show).
     */
    static Optional<SpikeRule> spikeRule(Column refColumn, Column candColumn, UnitPairing units,
                                         ComparisonOptions options, Supplier<SpikeRule> detected) {
        if (!isMembrane(refColumn, candColumn, units, options)) {
            return Optional.empty();
        }
        return Optional.of(knownSpikeRule(refColumn, candColumn, units, options).orElseGet(detected));
    }

    /**
     * True when a column pair is a membrane potential: a model rule names it, or it is a voltage called v (or vm,
     * v_m).
     */
    static boolean isMembrane(Column refColumn, Column candColumn, UnitPairing units, ComparisonOptions options) {
        boolean namedLikeV = MEMBRANE_NAME.matcher(refColumn.lastSegment()).matches()
                || MEMBRANE_NAME.matcher(candColumn.lastSegment()).matches();
        return options.spikeRules().byReference().containsKey(refColumn.quantity())
                || options.spikeRules().byCandidate().containsKey(candColumn.quantity())
                || (units.isVoltage() && namedLikeV);
    }

    /**
     * The spike rule of a membrane-potential column that does not depend on its values: a fixed threshold the caller
     * gave, else the rule of the reference's or the candidate's model; empty when it is to be detected.
     */
    static Optional<SpikeRule> knownSpikeRule(Column refColumn, Column candColumn, UnitPairing units,
                                              ComparisonOptions options) {
        double fixed = options.tolerances().spikeThreshold();
        if (!Double.isNaN(fixed)) {
            return Optional.of(new SpikeRule.Crossing(fixed, "the threshold given"));
        }
        SpikeRule fromReference = options.spikeRules().byReference().get(refColumn.quantity());
        if (fromReference != null) {
            return Optional.of(fromReference);
        }
        SpikeRule fromCandidate = options.spikeRules().byCandidate().get(candColumn.quantity());
        if (fromCandidate != null) {
            return Optional.of(SpikeRule.converted(fromCandidate, x -> units.candidateToSi(new double[] {x})[0]));
        }
        return Optional.empty();
    }

    /**
     * The rule the reference trace shows, or, when that finds no spike there, the candidate's (when it finds some in
     * the candidate).
     */
    static SpikeRule detectedRule(SpikeSource reference, SpikeSource candidate) {
        SpikeRule seen = reference.detected();
        if (reference.rows(seen).isEmpty()) {
            SpikeRule candidateSeen = candidate.detected();
            if (!candidate.rows(candidateSeen).isEmpty()) {
                return candidateSeen;
            }
        }
        return seen;
    }

    static ColumnComparison grade(Column refColumn, Column candColumn, UnitPairing units, double[] time,
                                  ColumnMeasures measures, SpikeComparison spikes, Tolerances tolerances,
                                  TimeAlignment alignment) {
        String name = refColumn.quantity();
        String unit = units.siSymbol();
        Metrics metrics = measures.metrics();
        AllcloseCheck strict = measures.strict();
        AllcloseCheck tolerant = measures.tolerant();
        List<TierFinding> findings = new ArrayList<>();
        units.problem().ifPresent(p -> findings.add(finding(Tier.FAIL, Kind.UNITS, name, p)));
        if (!alignment.covered()) {
            findings.add(finding(Tier.FAIL, Kind.COVERAGE, name, alignment.shortfall()));
        }
        if (metrics.nanRows() > 0) {
            int row = metrics.firstNanRow();
            boolean inReference = !Double.isFinite(measures.firstNanReference());
            double value = inReference ? measures.firstNanReference() : measures.firstNanCandidate();
            findings.add(finding(Tier.FAIL, Kind.NAN, name, value + " in " + (inReference ? "reference" : "candidate")
                    + " at row " + (row + alignment.firstRow()) + " (t = " + Numbers.format(time[row]) + " s), "
                    + metrics.nanRows() + " rows with NaN or infinity"));
        }
        double exactLimit = tolerances.exactRelative() * metrics.maxAbsRef();
        if (!(metrics.maxAbsError() <= exactLimit)) {
            findings.add(finding(Tier.EXACT, Kind.VALUES, name, "not exact: max|Δ| = "
                    + Numbers.withUnit(metrics.maxAbsError(), unit) + " at row "
                    + (metrics.maxAbsRow() + alignment.firstRow()) + " (t = " + Numbers.format(metrics.maxAbsTime())
                    + " s) > " + Numbers.format(tolerances.exactRelative()) + "·max|ref| = "
                    + Numbers.withUnit(exactLimit, unit)));
        }
        boolean spikesDecide = spikes != null;
        if (spikesDecide && !spikes.identical()) {
            findings.add(finding(Tier.EXACT, Kind.SPIKES, name, "not exact: spike steps differ: "
                    + describe(spikes, unit)));
        }
        for (Tier tier : new Tier[] {Tier.STRICT, Tier.TOLERANT}) {
            AllcloseCheck check = tier == Tier.STRICT ? strict : tolerant;
            if (!check.passed()) {
                findings.add(finding(tier, Kind.VALUES, name, "not " + tier.label() + ": "
                        + describe(check, unit, alignment)));
            }
            if (spikesDecide && !spikes.sameCount()) {
                findings.add(finding(tier, Kind.SPIKES, name, "not " + tier.label() + ": spike count differs: "
                        + describe(spikes, unit)));
            }
        }
        if (tolerances.minCorrelation() > Tolerances.NO_MIN_CORRELATION
                && !(metrics.pearson() >= tolerances.minCorrelation())) {
            findings.add(finding(Tier.TOLERANT, Kind.CORRELATION, name, "not tolerant: Pearson r = "
                    + Numbers.format(metrics.pearson()) + " < min " + Numbers.format(tolerances.minCorrelation())));
        }
        Tier tier = bestTier(findings);
        return new ColumnComparison(refColumn, candColumn, unit, metrics, spikes, strict, tolerant, tier, findings);
    }

    private static TierFinding finding(Tier missed, Kind kind, String quantity, String message) {
        return new TierFinding(missed, kind, quantity + ": " + message);
    }

    private static Tier bestTier(List<TierFinding> findings) {
        boolean[] missed = new boolean[Tier.values().length];
        for (TierFinding finding : findings) {
            missed[finding.tier().ordinal()] = true;
        }
        if (missed[Tier.FAIL.ordinal()]) {
            return Tier.FAIL;
        }
        // A tier is reached when it and every worse tier's checks pass.
        Tier best = Tier.FAIL;
        for (int t = Tier.TOLERANT.ordinal(); t >= 0; t--) {
            if (missed[t]) {
                break;
            }
            best = Tier.values()[t];
        }
        return best;
    }

    private static String describe(AllcloseCheck check, String unit, TimeAlignment alignment) {
        String where = "row " + (check.worstRow() + alignment.firstRow()) + " (t = " + Numbers.format(check.worstTime())
                + " s)";
        String allowance = "atol " + Numbers.format(check.atol()) + " + rtol " + Numbers.format(check.rtol())
                + "·|ref " + Numbers.withUnit(check.worstRef(), unit) + "| = "
                + Numbers.withUnit(check.allowedAtWorst(), unit);
        String better = Double.isInfinite(check.suggestedRtol())
                ? "no rtol passes (a reference value of 0 differs); atol >= " + Numbers.format(check.suggestedAtol())
                + " would pass"
                : "rtol >= " + Numbers.format(check.suggestedRtol()) + " would pass";
        return "|Δ| = " + Numbers.withUnit(check.worstDelta(), unit) + " at " + where + " exceeds " + allowance + "; "
                + better;
    }

    static String describe(SpikeComparison spikes, String unit) {
        StringBuilder out = new StringBuilder("reference " + spikes.reference().count() + " spikes, candidate "
                + spikes.candidate().count() + " (" + spikes.reference().rule().describe(unit) + ")");
        if (spikes.firstDivergentIndex() >= 0) {
            out.append("; first divergent spike #").append(spikes.firstDivergentIndex() + 1).append(": reference ")
                    .append(timeOrNone(spikes.firstDivergentRefTime())).append(", candidate ")
                    .append(timeOrNone(spikes.firstDivergentCandTime()));
        }
        if (spikes.largestShiftIndex() >= 0 && spikes.largestShift() > 0) {
            out.append("; largest shift ").append(Numbers.format(spikes.largestShift())).append(" s at spike #")
                    .append(spikes.largestShiftIndex() + 1);
        }
        return out.toString();
    }

    private static String timeOrNone(double t) {
        return Double.isNaN(t) ? "none" : Numbers.format(t) + " s";
    }
}
