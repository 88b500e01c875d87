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
        return accumulate(ref, cand).metrics(time);
    }

    /** Both passes of {@link MetricsAccumulator} over two columns of equal length. */
    static MetricsAccumulator accumulate(double[] ref, double[] cand) {
        MetricsAccumulator sums = new MetricsAccumulator();
        sums.add(0, ref, cand, ref.length);
        if (sums.needsSecondPass()) {
            sums.startSecondPass();
            sums.addSecondPass(ref, cand, ref.length);
        }
        return sums;
    }
}
