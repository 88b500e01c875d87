package org.lemsbridge.compare;

import java.io.UncheckedIOException;
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
 * (the same run twice, or a run that stopped early). The first pass reads both files, each parsed on its own thread,
 * a block of rows at a time and column after column, gathering what does not need a mean (errors, allclose, ranges)
 * and the time columns, and keeps the compared values in a temporary file ({@link SpillFile}, 8 bytes a value); the
 * second pass reads that file back for Pearson's r about the first pass's means and the spikes, which need the whole
 * column's range (without the file, it parses both trace files again). Memory: the two time columns and a few blocks
 * of rows, whatever the number of columns. The result equals {@link TraceComparator#compare} of the files read whole,
 * number for number (the same accumulators see the same values in the same order).
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
        return compare(reference, candidate, options, true);
    }

    /**
     * {@link #compare(TraceFile, TraceFile, ComparisonOptions)}; {@code spill}: keep the first pass's values in a
     * temporary file for the second pass (else, or when that file cannot be written, the second pass parses both
     * files again).
     */
    public static Optional<Comparison> compare(TraceFile reference, TraceFile candidate, ComparisonOptions options,
                                               boolean spill) {
        try (SpillFile values = spill ? SpillFile.tryCreate() : null) {
            return compare(reference, candidate, options, values);
        }
    }

    private static Optional<Comparison> compare(TraceFile reference, TraceFile candidate, ComparisonOptions options,
                                                SpillFile spill) {
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
            firstPass(ref, cand, pairs, times, spill);
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
            if (spill != null) {
                spill.rewind();
            }
            if (spill != null && spill.complete()) {
                try {
                    secondPass(spill, pairs, times);
                } catch (UncheckedIOException e) {
                    return Optional.empty(); // the file written cannot be read back: the caller compares in memory
                }
            } else {
                try (RowBlocks ref = reference.open(); RowBlocks cand = candidate.open()) {
                    secondPass(ref, cand, pairs);
                }
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

    /**
     * Both files row by row, a block of rows at a time, column after column: the rows both have are measured as
     * pairs, the rows only one has add to that side's ranges.
     */
    private static void firstPass(RowBlocks ref, RowBlocks cand, List<Pair> pairs, Times times, SpillFile spill) {
        Chunk chunk = new Chunk();
        boolean refRow = ref.next();
        boolean candRow = cand.next();
        int row = 0;
        while (refRow && candRow) {
            int count = chunk.fit(Math.min(ref.rowsAhead(), cand.rowsAhead()));
            ref.copyColumn(0, count, chunk.reference);
            cand.copyColumn(0, count, chunk.candidate);
            times.add(chunk, count);
            times.pairedChunks.add(count);
            for (Pair pair : pairs) {
                pair.read(ref, cand, count, chunk);
                pair.firstPass(row, count, chunk);
                if (spill != null) {
                    spill.write(chunk.reference, count);
                    spill.write(chunk.candidate, count);
                }
            }
            row += count;
            refRow = ref.advance(count);
            candRow = cand.advance(count);
        }
        times.paired = row;
        firstPassAlone(Side.REFERENCE, ref, refRow, pairs, times, chunk, spill);
        firstPassAlone(Side.CANDIDATE, cand, candRow, pairs, times, chunk, spill);
    }

    /** The rows only {@code side}'s file has, from its current row on ({@code more}: whether there is one). */
    private static void firstPassAlone(Side side, RowBlocks rows, boolean more, List<Pair> pairs, Times times,
                                       Chunk chunk, SpillFile spill) {
        while (more) {
            int count = chunk.fit(rows.rowsAhead());
            double[] values = chunk.of(side);
            rows.copyColumn(0, count, values);
            times.add(side, values, count);
            times.chunks(side).add(count);
            for (Pair pair : pairs) {
                pair.read(side, rows, count, values);
                pair.range(side).add(values, count);
                if (spill != null) {
                    spill.write(values, count);
                }
            }
            more = rows.advance(count);
        }
    }

    /** The first pass's values again, from {@code spill} in the order it wrote them: the second pass's sums. */
    private static void secondPass(SpillFile spill, List<Pair> pairs, Times times) {
        Chunk chunk = new Chunk();
        int row = 0;
        for (int count : times.pairedChunks) {
            chunk.fit(count);
            for (Pair pair : pairs) {
                spill.read(chunk.reference, count);
                spill.read(chunk.candidate, count);
                pair.secondPass(row, count, chunk);
            }
            row += count;
        }
        spikesAlone(Side.REFERENCE, spill, times, pairs, row, chunk);
        spikesAlone(Side.CANDIDATE, spill, times, pairs, row, chunk);
    }

    /** The spill file's values of the rows only {@code side}'s file has, the first of them {@code firstRow}. */
    private static void spikesAlone(Side side, SpillFile spill, Times times, List<Pair> pairs, int firstRow,
                                    Chunk chunk) {
        int row = firstRow;
        for (int count : times.chunks(side)) {
            chunk.fit(count);
            double[] values = chunk.of(side);
            for (Pair pair : pairs) {
                spill.read(values, count);
                SpikeScan spikes = pair.spikes(side);
                if (spikes != null) {
                    spikes.add(row, values, count);
                }
            }
            row += count;
        }
    }

    /** Both files again: Pearson's sums about the first pass's means over the rows both have, and the spikes. */
    private static void secondPass(RowBlocks ref, RowBlocks cand, List<Pair> pairs) {
        List<Pair> active = pairs.stream().filter(Pair::needsSecondPass).toList();
        Chunk chunk = new Chunk();
        boolean refRow = ref.next();
        boolean candRow = cand.next();
        int row = 0;
        while (refRow && candRow) {
            int count = chunk.fit(Math.min(ref.rowsAhead(), cand.rowsAhead()));
            for (Pair pair : active) {
                pair.read(ref, cand, count, chunk);
                pair.secondPass(row, count, chunk);
            }
            row += count;
            refRow = ref.advance(count);
            candRow = cand.advance(count);
        }
        spikesAlone(Side.REFERENCE, ref, refRow, active, row, chunk);
        spikesAlone(Side.CANDIDATE, cand, candRow, active, row, chunk);
    }

    /** The file's values of the rows only {@code side}'s file has, from its current row, {@code firstRow}, on. */
    private static void spikesAlone(Side side, RowBlocks rows, boolean more, List<Pair> active, int firstRow,
                                    Chunk chunk) {
        for (int row = firstRow; more; ) {
            int count = chunk.fit(rows.rowsAhead());
            double[] values = chunk.of(side);
            for (Pair pair : active) {
                SpikeScan spikes = pair.spikes(side);
                if (spikes != null) {
                    pair.read(side, rows, count, values);
                    spikes.add(row, values, count);
                }
            }
            row += count;
            more = rows.advance(count);
        }
    }

    /** Which of the two files a value comes from. */
    private enum Side { REFERENCE, CANDIDATE }

    /** One column's values over a run of rows, from each side. */
    private static final class Chunk {
        double[] reference = new double[0];
        double[] candidate = new double[0];

        /** Makes room for {@code count} rows; returns {@code count}. */
        int fit(int count) {
            if (reference.length < count) {
                reference = new double[count];
                candidate = new double[count];
            }
            return count;
        }

        double[] of(Side side) {
            return side == Side.REFERENCE ? reference : candidate;
        }
    }

    /** The time columns as read, and how many rows both files have. */
    private static final class Times {
        private double[] reference = new double[1024];
        private double[] candidate = new double[1024];
        private int referenceRows;
        private int candidateRows;
        int paired;
        /** The rows of each chunk the first pass read: of both files, then of the reference or candidate alone. */
        final List<Integer> pairedChunks = new ArrayList<>();
        final List<Integer> referenceChunks = new ArrayList<>();
        final List<Integer> candidateChunks = new ArrayList<>();

        void add(Chunk chunk, int count) {
            addReference(chunk.reference, count);
            addCandidate(chunk.candidate, count);
        }

        void addReference(double[] times, int count) {
            if (referenceRows + count > reference.length) {
                reference = Arrays.copyOf(reference, grown(referenceRows + count));
            }
            System.arraycopy(times, 0, reference, referenceRows, count);
            referenceRows += count;
        }

        void addCandidate(double[] times, int count) {
            if (candidateRows + count > candidate.length) {
                candidate = Arrays.copyOf(candidate, grown(candidateRows + count));
            }
            System.arraycopy(times, 0, candidate, candidateRows, count);
            candidateRows += count;
        }

        void add(Side side, double[] times, int count) {
            if (side == Side.REFERENCE) {
                addReference(times, count);
            } else {
                addCandidate(times, count);
            }
        }

        List<Integer> chunks(Side side) {
            return side == Side.REFERENCE ? referenceChunks : candidateChunks;
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

        /** This pair's values in SI over the next {@code count} rows of both files. */
        void read(RowBlocks ref, RowBlocks cand, int count, Chunk chunk) {
            readReference(ref, count, chunk.reference);
            readCandidate(cand, count, chunk.candidate);
        }

        void readReference(RowBlocks rows, int count, double[] into) {
            rows.copyColumn(refIndex, count, into);
            units.referenceToSi(into, count);
        }

        void readCandidate(RowBlocks rows, int count, double[] into) {
            rows.copyColumn(candIndex, count, into);
            units.candidateToSi(into, count);
        }

        void read(Side side, RowBlocks rows, int count, double[] into) {
            if (side == Side.REFERENCE) {
                readReference(rows, count, into);
            } else {
                readCandidate(rows, count, into);
            }
        }

        FiniteRange range(Side side) {
            return side == Side.REFERENCE ? referenceRange : candidateRange;
        }

        SpikeScan spikes(Side side) {
            return side == Side.REFERENCE ? referenceSpikes : candidateSpikes;
        }

        /** The second pass over rows both files have, {@code row} the first of them. */
        void secondPass(int row, int count, Chunk chunk) {
            sums.addSecondPassIfStarted(chunk, count);
            if (referenceSpikes != null) {
                referenceSpikes.add(row, chunk.reference, count);
                candidateSpikes.add(row, chunk.candidate, count);
            }
        }

        void firstPass(int row, int count, Chunk chunk) {
            sums.metrics.add(row, chunk.reference, chunk.candidate, count);
            strict.add(row, chunk.reference, chunk.candidate, count);
            tolerant.add(row, chunk.reference, chunk.candidate, count);
            referenceRange.add(chunk.reference, count);
            candidateRange.add(chunk.candidate, count);
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

        void addSecondPassIfStarted(Chunk chunk, int count) {
            if (started) {
                metrics.addSecondPass(chunk.reference, chunk.candidate, count);
            }
        }
    }

    /** The smallest and largest finite value of a whole column, as {@link SpikeRule#detect(double[])} finds them. */
    private static final class FiniteRange {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double[] values, int count) {
            double smallest = min;
            double largest = max;
            for (int k = 0; k < count; k++) {
                double value = values[k];
                if (Double.isFinite(value)) {
                    smallest = Math.min(smallest, value);
                    largest = Math.max(largest, value);
                }
            }
            min = smallest;
            max = largest;
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

        /** Rows {@code firstRow} to {@code firstRow + count - 1}, valued {@code values[0, count)}. */
        void add(int firstRow, double[] values, int count) {
            if (count == 0) {
                return;
            }
            for (int i = 0; i < rules.size(); i++) {
                SpikeRule rule = rules.get(i);
                List<Integer> spikeRows = rows.get(i);
                List<Double> spikeBefore = before.get(i);
                double last = previous;
                for (int k = firstRow == 0 ? 1 : 0; k < count; k++) {
                    double before = k == 0 ? last : values[k - 1];
                    if (rule.spikesAt(before, values[k])) {
                        spikeRows.add(firstRow + k);
                        spikeBefore.add(before);
                    }
                }
            }
            previous = values[count - 1];
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
