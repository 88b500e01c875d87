package org.lemsbridge.compare;

/**
 * {@link Metrics} gathered chunk by chunk of rows, so that a column can be measured without holding it: every row once
 * through {@link #add} (first pass), then, when {@link #needsSecondPass()}, every row again through
 * {@link #addSecondPass}
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

    /**
     * First pass: {@code count} rows, the first of them row {@code firstRow} (rows counted from 0 in the order they are
     * added), with their values {@code ref[0, count)} and {@code cand[0, count)}. The state lives in locals while the
     * rows go by; the arithmetic is the same row by row whatever the chunks.
     */
    void add(int firstRow, double[] ref, double[] cand, int count) {
        double squaresSum = squares.sum;
        double squaresError = squares.compensation;
        double refTotal = refSum.sum;
        double refError = refSum.compensation;
        double candTotal = candSum.sum;
        double candError = candSum.compensation;
        double largestAbs = maxAbs;
        int largestAbsRow = maxAbsRow;
        double largestRel = maxRel;
        int largestRelRow = maxRelRow;
        double smallestRef = refMin;
        double largestRef = refMax;
        double largestAbsRef = maxAbsRef;
        int finiteRows = 0;
        for (int k = 0; k < count; k++) {
            double r = ref[k];
            double c = cand[k];
            if (!Double.isFinite(r) || !Double.isFinite(c)) {
                nanRows++;
                if (firstNan < 0) {
                    firstNan = firstRow + k;
                    firstNanRef = r;
                    firstNanCand = c;
                }
                continue;
            }
            finiteRows++;
            double delta = c - r;
            double abs = Math.abs(delta);
            double square = delta * delta;
            double t = squaresSum + square;
            squaresError += CompensatedSum.error(squaresSum, square, t);
            squaresSum = t;
            t = refTotal + r;
            refError += CompensatedSum.error(refTotal, r, t);
            refTotal = t;
            t = candTotal + c;
            candError += CompensatedSum.error(candTotal, c, t);
            candTotal = t;
            if (abs > largestAbs || largestAbsRow < 0) {
                largestAbs = abs;
                largestAbsRow = firstRow + k;
            }
            double rel = r != 0 ? abs / Math.abs(r) : (abs == 0 ? 0 : Double.POSITIVE_INFINITY);
            if (rel > largestRel || largestRelRow < 0) {
                largestRel = rel;
                largestRelRow = firstRow + k;
            }
            smallestRef = Math.min(smallestRef, r);
            largestRef = Math.max(largestRef, r);
            largestAbsRef = Math.max(largestAbsRef, Math.abs(r));
        }
        squares.sum = squaresSum;
        squares.compensation = squaresError;
        refSum.sum = refTotal;
        refSum.compensation = refError;
        candSum.sum = candTotal;
        candSum.compensation = candError;
        maxAbs = largestAbs;
        maxAbsRow = largestAbsRow;
        maxRel = largestRel;
        maxRelRow = largestRelRow;
        refMin = smallestRef;
        refMax = largestRef;
        maxAbsRef = largestAbsRef;
        rows += count;
        valid += finiteRows;
        refConstant.add(ref, count);
        candConstant.add(cand, count);
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

    /** Second pass: the same rows again, in the same order, in chunks of any size. */
    void addSecondPass(double[] ref, double[] cand, int count) {
        double crossSum = cross.sum;
        double crossError = cross.compensation;
        double refTotal = refSquares.sum;
        double refError = refSquares.compensation;
        double candTotal = candSquares.sum;
        double candError = candSquares.compensation;
        for (int k = 0; k < count; k++) {
            double r = ref[k];
            double c = cand[k];
            if (!Double.isFinite(r) || !Double.isFinite(c)) {
                continue;
            }
            double dr = r - refMean;
            double dc = c - candMean;
            double product = dr * dc;
            double t = crossSum + product;
            crossError += CompensatedSum.error(crossSum, product, t);
            crossSum = t;
            double square = dr * dr;
            t = refTotal + square;
            refError += CompensatedSum.error(refTotal, square, t);
            refTotal = t;
            square = dc * dc;
            t = candTotal + square;
            candError += CompensatedSum.error(candTotal, square, t);
            candTotal = t;
        }
        cross.sum = crossSum;
        cross.compensation = crossError;
        refSquares.sum = refTotal;
        refSquares.compensation = refError;
        candSquares.sum = candTotal;
        candSquares.compensation = candError;
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

        void add(double[] values, int count) {
            for (int k = 0; k < count && constant; k++) {
                double v = values[k];
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    constant = false;
                }
            }
        }

        boolean constant() {
            return constant;
        }
    }
}
