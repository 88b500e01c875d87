package org.lemsbridge.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.RowBlocks;
import org.lemsbridge.trace.TraceLayout;
import org.lemsbridge.trace.TraceReader;

/**
 * Compares two trace files without holding their columns, when their time grids are identical from the first row
 * (the same run twice, or a run that stopped early): two passes over both files, each parsed on its own thread. The
 * first pass gathers what does not need a mean (errors, allclose, ranges) and the time columns; the second Pearson's
 * r about the first pass's means and the spikes, which need the whole column's range. Memory: the two time columns
 * and a few blocks of rows, whatever the number of columns. The result equals {@link TraceComparator#compare} of the
 * files read whole, number for number (the same accumulators see the same values in the same order).
 */
public final class StreamingComparator {

    private StreamingComparator() {
    }

    /** A trace file and the names of its columns (time first; empty: found beside the file, as TraceReader does). */
    public record TraceFile(Path path, List<Column> columns) {

        public TraceFile {
            columns = List.copyOf(columns);
        }

        RowBlocks open() {
            return RowBlocks.of(TraceReader.openRows(path, columns));
        }
    }

    /**
     * What {@link TraceComparator#compare} finds for the two files read whole; empty when the compared rows are not
     * the first rows of both files on identical grids (a window, an offset, interpolation), which the caller then
     * compares in memory. Bad input is thrown as found, which may be another fault than the one reading the files
     * whole would report first; a caller that must report the same one reads them whole on error.
     */
    public static Optional<Comparison> compare(TraceFile reference, TraceFile candidate, ComparisonOptions options) {
        List<String> warnings = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        TraceLayout refLayout;
        TraceLayout candLayout;
        List<ColumnMatch> matches;
        SiUnit refTimeUnit;
        SiUnit candTimeUnit;
        Times times = new Times();
        try (RowBlocks ref = reference.open(); RowBlocks cand = candidate.open()) {
            refLayout = ref.layout();
            candLayout = cand.layout();
            matches = ColumnMatcher.match(refLayout, candLayout, options.columns(), warnings::add);
            refTimeUnit = TraceComparator.timeUnit(refLayout, warnings, "reference");
            candTimeUnit = TraceComparator.timeUnit(candLayout, warnings, "candidate");
            for (ColumnMatch match : matches) {
                if (!match.missing()) {
                    pairs.add(new Pair(match, refLayout, candLayout, options.tolerances()));
                }
            }
            firstPass(ref, cand, pairs, times);
        }
        double[] refTime = TraceComparator.toSeconds(times.reference(), refTimeUnit);
        double[] candTime = TraceComparator.toSeconds(times.candidate(), candTimeUnit);
        TimeAlignment alignment = TimeAlignment.of(refTime, candTime, candLayout.source(), options.window());
        if (!alignment.sameGrid() || alignment.firstRow() != 0 || alignment.candidateOffset() != 0
                || alignment.endRow() != times.paired) {
            return Optional.empty();
        }
        double[] time = alignment.endRow() == refTime.length ? refTime : alignment.referenceTimes(refTime);
        for (Pair pair : pairs) {
            pair.planSpikes(options);
            pair.sums.startSecondPassIfNeeded();
        }
        if (pairs.stream().anyMatch(Pair::needsSecondPass)) {
            try (RowBlocks ref = reference.open(); RowBlocks cand = candidate.open()) {
                secondPass(ref, cand, pairs, times.paired);
            }
        }
        List<ColumnComparison> results = new ArrayList<>();
        int next = 0;
        for (ColumnMatch match : matches) {
            Column refColumn = refLayout.column(match.referenceIndex());
            if (match.missing()) {
                results.add(TraceComparator.missing(refColumn, match, candLayout));
                continue;
            }
            Pair pair = pairs.get(next++);
            pair.units.warning().ifPresent(warnings::add);
            results.add(pair.result(refTime, candTime, time, options, alignment));
        }
        Verdict verdict = VerdictRules.verdict(results, options.tolerances(), options.required(),
                alignment.shortfall());
        return Optional.of(new Comparison(refLayout.source(), candLayout.source(), alignment, results, warnings,
                verdict));
    }

    private static void firstPass(RowBlocks ref, RowBlocks cand, List<Pair> pairs, Times times) {
        boolean refRow = ref.next();
        boolean candRow = cand.next();
        int row = 0;
        while (refRow && candRow) {
            times.add(ref.value(0), cand.value(0));
            for (Pair pair : pairs) {
                pair.firstPass(row, pair.reference(ref), pair.candidate(cand));
            }
            row++;
            refRow = ref.next();
            candRow = cand.next();
        }
        times.paired = row;
        for (; refRow; refRow = ref.next()) {
            times.addReference(ref.value(0));
            for (Pair pair : pairs) {
                pair.referenceRange.add(pair.reference(ref));
            }
        }
        for (; candRow; candRow = cand.next()) {
            times.addCandidate(cand.value(0));
            for (Pair pair : pairs) {
                pair.candidateRange.add(pair.candidate(cand));
            }
        }
    }

    private static void secondPass(RowBlocks ref, RowBlocks cand, List<Pair> pairs, int paired) {
        List<Pair> active = pairs.stream().filter(Pair::needsSecondPass).toList();
        boolean refRow = ref.next();
        boolean candRow = cand.next();
        int row = 0;
        while (refRow || candRow) {
            for (Pair pair : active) {
                double r = refRow ? pair.reference(ref) : Double.NaN;
                double c = candRow ? pair.candidate(cand) : Double.NaN;
                if (row < paired) {
                    pair.sums.addSecondPassIfStarted(r, c);
                }
                if (pair.referenceSpikes != null) {
                    if (refRow) {
                        pair.referenceSpikes.add(row, r);
                    }
                    if (candRow) {
                        pair.candidateSpikes.add(row, c);
                    }
                }
            }
            row++;
            refRow = refRow && ref.next();
            candRow = candRow && cand.next();
        }
    }

    /** The time columns as read, and how many rows both files have. */
    private static final class Times {
        private double[] reference = new double[1024];
        private double[] candidate = new double[1024];
        private int referenceRows;
        private int candidateRows;
        int paired;

        void add(double r, double c) {
            addReference(r);
            addCandidate(c);
        }

        void addReference(double t) {
            if (referenceRows == reference.length) {
                reference = Arrays.copyOf(reference, grown(referenceRows));
            }
            reference[referenceRows++] = t;
        }

        void addCandidate(double t) {
            if (candidateRows == candidate.length) {
                candidate = Arrays.copyOf(candidate, grown(candidateRows));
            }
            candidate[candidateRows++] = t;
        }

        double[] reference() {
            return Arrays.copyOf(reference, referenceRows);
        }

        double[] candidate() {
            return Arrays.copyOf(candidate, candidateRows);
        }

        private static int grown(int length) {
            return (int) Math.min(Integer.MAX_VALUE - 16, length + (length >> 1) + 16L);
        }
    }

    /** One reference column and its candidate column, measured as the rows go by. */
    private static final class Pair {
        final ColumnMatch match;
        final Column refColumn;
        final Column candColumn;
        final UnitPairing units;
        final int refIndex;
        final int candIndex;
        final SecondPassSums sums = new SecondPassSums();
        final AllcloseCheck.Accumulator strict;
        final AllcloseCheck.Accumulator tolerant;
        final FiniteRange referenceRange = new FiniteRange();
        final FiniteRange candidateRange = new FiniteRange();
        Optional<SpikeRule> known = Optional.empty();
        boolean membrane;
        SpikeScan referenceSpikes;
        SpikeScan candidateSpikes;

        Pair(ColumnMatch match, TraceLayout reference, TraceLayout candidate, Tolerances tolerances) {
            this.match = match;
            this.refColumn = reference.column(match.referenceIndex());
            this.candColumn = candidate.column(match.candidateIndex());
            this.units = UnitPairing.of(refColumn, candColumn, match.request());
            this.refIndex = match.referenceIndex() + 1;
            this.candIndex = match.candidateIndex() + 1;
            this.strict = new AllcloseCheck.Accumulator(tolerances.strictRtol(), tolerances.strictAtol());
            this.tolerant = new AllcloseCheck.Accumulator(tolerances.tolerantRtol(), tolerances.tolerantAtol());
        }

        double reference(RowBlocks rows) {
            return units.referenceToSi(rows.value(refIndex));
        }

        double candidate(RowBlocks rows) {
            return units.candidateToSi(rows.value(candIndex));
        }

        void firstPass(int row, double r, double c) {
            sums.metrics.add(row, r, c);
            strict.add(row, r, c);
            tolerant.add(row, r, c);
            referenceRange.add(r);
            candidateRange.add(c);
        }

        /** Decides which spike rules the second pass looks for: the known one, or those detection may choose. */
        void planSpikes(ComparisonOptions options) {
            membrane = TraceComparator.isMembrane(refColumn, candColumn, units, options);
            if (!membrane) {
                return;
            }
            known = TraceComparator.knownSpikeRule(refColumn, candColumn, units, options);
            List<SpikeRule> rules = new ArrayList<>();
            if (known.isPresent()) {
                rules.add(known.get());
            } else {
                rules.add(new SpikeRule.Crossing(0.0, ""));
                for (FiniteRange range : new FiniteRange[] {referenceRange, candidateRange}) {
                    if (!SpikeRule.rangeDecides(range.min, range.max)) {
                        rules.add(new SpikeRule.Drop(SpikeRule.dropOf(range.min, range.max), Double.NaN, ""));
                    }
                }
            }
            referenceSpikes = new SpikeScan(rules, referenceRange);
            candidateSpikes = new SpikeScan(rules, candidateRange);
        }

        boolean needsSecondPass() {
            return sums.started || referenceSpikes != null;
        }

        ColumnComparison result(double[] refTime, double[] candTime, double[] time, ComparisonOptions options,
                                TimeAlignment alignment) {
            SpikeComparison spikes = null;
            if (membrane) {
                SpikeRule rule = known.orElseGet(() -> TraceComparator.detectedRule(referenceSpikes,
                        candidateSpikes));
                spikes = TraceComparator.spikes(time, SpikeTrain.of(refTime, rule, referenceSpikes.rows(rule)),
                        SpikeTrain.of(candTime, rule, candidateSpikes.rows(rule)));
            }
            ColumnMeasures measures = new ColumnMeasures(sums.metrics.metrics(time), strict.result(time),
                    tolerant.result(time), sums.metrics.firstNanReference(), sums.metrics.firstNanCandidate());
            return TraceComparator.grade(refColumn, candColumn, units, time, measures, spikes, options.tolerances(),
                    alignment);
        }
    }

    /** The metrics' accumulator and whether its second pass is under way. */
    private static final class SecondPassSums {
        final MetricsAccumulator metrics = new MetricsAccumulator();
        boolean started;

        void startSecondPassIfNeeded() {
            if (metrics.needsSecondPass()) {
                metrics.startSecondPass();
                started = true;
            }
        }

        void addSecondPassIfStarted(double r, double c) {
            if (started) {
                metrics.addSecondPass(r, c);
            }
        }
    }

    /** The smallest and largest finite value of a whole column, as {@link SpikeRule#detect(double[])} finds them. */
    private static final class FiniteRange {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double value) {
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
    }

    /** Where each of a few spike rules finds spikes in one side's whole column, and the value before each. */
    private static final class SpikeScan implements SpikeSource {
        private final List<SpikeRule> rules;
        private final List<List<Integer>> rows = new ArrayList<>();
        private final List<List<Double>> before = new ArrayList<>();
        private final FiniteRange range;
        private double previous;

        SpikeScan(List<SpikeRule> rules, FiniteRange range) {
            this.rules = rules;
            this.range = range;
            for (int i = 0; i < rules.size(); i++) {
                rows.add(new ArrayList<>());
                before.add(new ArrayList<>());
            }
        }

        void add(int row, double value) {
            if (row > 0) {
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).spikesAt(previous, value)) {
                        rows.get(i).add(row);
                        before.get(i).add(previous);
                    }
                }
            }
            previous = value;
        }

        @Override
        public SpikeRule detected() {
            if (SpikeRule.rangeDecides(range.min, range.max)) {
                return SpikeRule.detect(range.min, range.max, List.of());
            }
            SpikeRule falls = new SpikeRule.Drop(SpikeRule.dropOf(range.min, range.max), Double.NaN, "");
            return SpikeRule.detect(range.min, range.max, before.get(indexOf(falls)));
        }

        @Override
        public List<Integer> rows(SpikeRule rule) {
            return rows.get(indexOf(rule));
        }

        private int indexOf(SpikeRule rule) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).sameSamples(rule)) {
                    return i;
                }
            }
            throw new IllegalStateException("spikes of " + rule + " were not looked for");
        }
    }
}
