package org.lemsbridge.compare;

/**
 * Error metrics of a candidate column against a reference column on a common grid (both in SI).
 *
 * @param rows          samples compared
 * @param rmse          root mean square of {@code cand - ref}
 * @param maxAbsError   largest {@code |cand - ref|}
 * @param maxAbsRow     row (of the reference) where it occurs, -1 when there are no rows
 * @param maxAbsTime    time of that row in s
 * @param maxRelError   largest {@code |cand - ref| / |ref|} over rows with {@code ref != 0}
 *                      (infinite when some row has {@code ref == 0} and a difference)
 * @param maxRelRow     row where it occurs
 * @param nrmse         {@code rmse / ptp(ref)}; 0 when both are 0, infinite when only ptp is 0
 * @param pearson       Pearson's r; 1.0 when both columns are constant, 0.0 when only one is
 * @param refMin        smallest reference value
 * @param refMax        largest reference value
 * @param maxAbsRef     largest {@code |ref|}
 * @param nanRows       rows where either side is NaN or infinite (the other metrics skip them)
 * @param firstNanRow   first such row, -1 when none
 */
public record Metrics(int rows, double rmse, double maxAbsError, int maxAbsRow, double maxAbsTime, double maxRelError,
                      int maxRelRow, double nrmse, double pearson, double refMin, double refMax, double maxAbsRef,
                      int nanRows, int firstNanRow) {

    /**
     * Computes every metric over the rows of {@code time}; {@code ref} and {@code cand} have the same length.
     * Sums are compensated and Pearson's r uses two passes (means first), so results agree with exact
     * arithmetic to about 1e-14 relative.
     */
    public static Metrics compute(double[] time, double[] ref, double[] cand) {
        int n = ref.length;
        if (cand.length != n || time.length != n) {
            throw new IllegalArgumentException("lengths differ: time " + time.length + ", ref " + n + ", cand "
                    + cand.length);
        }
        CompensatedSum squares = new CompensatedSum();
        CompensatedSum refSum = new CompensatedSum();
        CompensatedSum candSum = new CompensatedSum();
        int valid = 0;
        int nanRows = 0;
        int firstNan = -1;
        double maxAbs = 0;
        int maxAbsRow = -1;
        double maxRel = 0;
        int maxRelRow = -1;
        double refMin = Double.POSITIVE_INFINITY;
        double refMax = Double.NEGATIVE_INFINITY;
        double maxAbsRef = 0;
        for (int i = 0; i < n; i++) {
            double r = ref[i];
            double c = cand[i];
            if (!Double.isFinite(r) || !Double.isFinite(c)) {
                nanRows++;
                if (firstNan < 0) {
                    firstNan = i;
                }
                continue;
            }
            valid++;
            double delta = c - r;
            double abs = Math.abs(delta);
            squares.add(delta * delta);
            refSum.add(r);
            candSum.add(c);
            if (abs > maxAbs || maxAbsRow < 0) {
                maxAbs = abs;
                maxAbsRow = i;
            }
            double rel = r != 0 ? abs / Math.abs(r) : (abs == 0 ? 0 : Double.POSITIVE_INFINITY);
            if (rel > maxRel || maxRelRow < 0) {
                maxRel = rel;
                maxRelRow = i;
            }
            refMin = Math.min(refMin, r);
            refMax = Math.max(refMax, r);
            maxAbsRef = Math.max(maxAbsRef, Math.abs(r));
        }
        if (valid == 0) {
            return new Metrics(n, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, nanRows, firstNan);
        }
        double rmse = Math.sqrt(squares.value() / valid);
        double range = refMax - refMin;
        double nrmse = range > 0 ? rmse / range : (rmse == 0 ? 0 : Double.POSITIVE_INFINITY);
        double pearson = pearson(ref, cand, refSum.value() / valid, candSum.value() / valid);
        return new Metrics(n, rmse, maxAbs, maxAbsRow, time[maxAbsRow], maxRel, maxRelRow, nrmse, pearson, refMin,
                refMax, maxAbsRef, nanRows, firstNan);
    }

    private static double pearson(double[] ref, double[] cand, double refMean, double candMean) {
        CompensatedSum cross = new CompensatedSum();
        CompensatedSum refSquares = new CompensatedSum();
        CompensatedSum candSquares = new CompensatedSum();
        for (int i = 0; i < ref.length; i++) {
            if (!Double.isFinite(ref[i]) || !Double.isFinite(cand[i])) {
                continue;
            }
            double dr = ref[i] - refMean;
            double dc = cand[i] - candMean;
            cross.add(dr * dc);
            refSquares.add(dr * dr);
            candSquares.add(dc * dc);
        }
        double sr = refSquares.value();
        double sc = candSquares.value();
        boolean refConstant = sr == 0 || isConstant(ref);
        boolean candConstant = sc == 0 || isConstant(cand);
        if (refConstant && candConstant) {
            return 1.0;
        }
        if (refConstant || candConstant) {
            return 0.0;
        }
        double r = cross.value() / Math.sqrt(sr * sc);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static boolean isConstant(double[] values) {
        double first = Double.NaN;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = v;
            } else if (v != first) {
                return false;
            }
        }
        return true;
    }
}
