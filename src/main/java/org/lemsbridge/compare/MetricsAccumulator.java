package org.lemsbridge.compare;

/**
 * {@link Metrics} gathered row by row, so that a column can be measured without holding it: every row once through
 * {@link #add} (first pass), then, when {@link #needsSecondPass()}, every row again through {@link #addSecondPass}
 * (Pearson's r from the means of the first pass). {@link Metrics#compute} runs the same two passes over arrays, so
 * both give the same numbers to the last bit.
 */
final class MetricsAccumulator {

    private final CompensatedSum squares = new CompensatedSum();
    private final CompensatedSum refSum = new CompensatedSum();
    private final CompensatedSum candSum = new CompensatedSum();
    private int rows;
    private int valid;
    private int nanRows;
    private int firstNan = -1;
    private double firstNanRef = Double.NaN;
    private double firstNanCand = Double.NaN;
    private double maxAbs;
    private int maxAbsRow = -1;
    private double maxRel;
    private int maxRelRow = -1;
    private double refMin = Double.POSITIVE_INFINITY;
    private double refMax = Double.NEGATIVE_INFINITY;
    private double maxAbsRef;
    private final ConstantCheck refConstant = new ConstantCheck();
    private final ConstantCheck candConstant = new ConstantCheck();

    private double refMean;
    private double candMean;
    private final CompensatedSum cross = new CompensatedSum();
    private final CompensatedSum refSquares = new CompensatedSum();
    private final CompensatedSum candSquares = new CompensatedSum();

    /** First pass: row {@code row} (counted from 0 in the order rows are added) with its two values. */
    void add(int row, double r, double c) {
        rows++;
        refConstant.add(r);
        candConstant.add(c);
        if (!Double.isFinite(r) || !Double.isFinite(c)) {
            nanRows++;
            if (firstNan < 0) {
                firstNan = row;
                firstNanRef = r;
                firstNanCand = c;
            }
            return;
        }
        valid++;
        double delta = c - r;
        double abs = Math.abs(delta);
        squares.add(delta * delta);
        refSum.add(r);
        candSum.add(c);
        if (abs > maxAbs || maxAbsRow < 0) {
            maxAbs = abs;
            maxAbsRow = row;
        }
        double rel = r != 0 ? abs / Math.abs(r) : (abs == 0 ? 0 : Double.POSITIVE_INFINITY);
        if (rel > maxRel || maxRelRow < 0) {
            maxRel = rel;
            maxRelRow = row;
        }
        refMin = Math.min(refMin, r);
        refMax = Math.max(refMax, r);
        maxAbsRef = Math.max(maxAbsRef, Math.abs(r));
    }

    /** True when the first pass found finite rows, whose correlation needs the second pass. */
    boolean needsSecondPass() {
        return valid > 0;
    }

    /** Ends the first pass. */
    void startSecondPass() {
        refMean = refSum.value() / valid;
        candMean = candSum.value() / valid;
    }

    /** Second pass: the same rows again, in the same order. */
    void addSecondPass(double r, double c) {
        if (!Double.isFinite(r) || !Double.isFinite(c)) {
            return;
        }
        double dr = r - refMean;
        double dc = c - candMean;
        cross.add(dr * dc);
        refSquares.add(dr * dr);
        candSquares.add(dc * dc);
    }

    /** The metrics; {@code time} holds the time of every row added. */
    Metrics metrics(double[] time) {
        if (valid == 0) {
            return new Metrics(rows, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, nanRows, firstNan);
        }
        double rmse = Math.sqrt(squares.value() / valid);
        double range = refMax - refMin;
        double nrmse = range > 0 ? rmse / range : (rmse == 0 ? 0 : Double.POSITIVE_INFINITY);
        return new Metrics(rows, rmse, maxAbs, maxAbsRow, time[maxAbsRow], maxRel, maxRelRow, nrmse, pearson(), refMin,
                refMax, maxAbsRef, nanRows, firstNan);
    }

    /** The reference value at the first row with NaN or infinity on either side (NaN when there is none). */
    double firstNanReference() {
        return firstNanRef;
    }

    /** The candidate value at that row. */
    double firstNanCandidate() {
        return firstNanCand;
    }

    private double pearson() {
        double sr = refSquares.value();
        double sc = candSquares.value();
        boolean refIsConstant = sr == 0 || refConstant.constant();
        boolean candIsConstant = sc == 0 || candConstant.constant();
        if (refIsConstant && candIsConstant) {
            return 1.0;
        }
        if (refIsConstant || candIsConstant) {
            return 0.0;
        }
        double r = cross.value() / Math.sqrt(sr * sc);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Whether every finite value seen so far is the same. */
    private static final class ConstantCheck {
        private double first = Double.NaN;
        private boolean constant = true;

        void add(double v) {
            if (!constant || !Double.isFinite(v)) {
                return;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                constant = false;
            }
        }

        boolean constant() {
            return constant;
        }
    }
}
