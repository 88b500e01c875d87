package org.lemsbridge.compare;

/**
 * numpy-style {@code allclose(cand, ref, rtol, atol)} over a column: every sample needs
 * {@code |cand - ref| <= atol + rtol * |ref|}. NaN never passes.
 *
 * @param rtol           relative tolerance applied
 * @param atol           absolute tolerance applied
 * @param passed         every sample within tolerance
 * @param worstRow       the row that exceeds its allowance most (or comes closest), -1 when there are no rows
 * @param worstTime      its time
 * @param worstRef       its reference value
 * @param worstDelta     its {@code |cand - ref|}
 * @param suggestedRtol  the smallest rtol that passes with this atol (OMV's "better tolerance"), infinite when no
 *                       rtol can (a row with {@code ref == 0} and a difference above atol)
 * @param suggestedAtol  the smallest atol that passes with rtol 0 ({@code max|Δ|})
 */
public record AllcloseCheck(double rtol, double atol, boolean passed, int worstRow, double worstTime, double worstRef,
                            double worstDelta, double suggestedRtol, double suggestedAtol) {

    public static AllcloseCheck of(double[] time, double[] ref, double[] cand, double rtol, double atol) {
        Accumulator check = new Accumulator(rtol, atol);
        check.add(0, ref, cand, ref.length);
        return check.result(time);
    }

    /** The allowance at the worst row: {@code atol + rtol * |ref|}. */
    public double allowedAtWorst() {
        return atol + rtol * Math.abs(worstRef);
    }

    /** The check gathered chunk by chunk of rows, for a column that is not held in memory; the same numbers as {@link #of}. */
    static final class Accumulator {
        private final double rtol;
        private final double atol;
        private boolean passed = true;
        private int worst = -1;
        private double worstExcess = Double.NEGATIVE_INFINITY;
        private double worstRef;
        private double worstDelta;
        private double neededRtol;
        private double maxDelta;

        Accumulator(double rtol, double atol) {
            this.rtol = rtol;
            this.atol = atol;
        }

        /**
         * {@code count} rows, the first of them row {@code firstRow} (rows counted from 0 in the order they are added),
         * with their values {@code ref[0, count)} and {@code cand[0, count)}.
         */
        void add(int firstRow, double[] ref, double[] cand, int count) {
            double largestExcess = worstExcess;
            double largestDelta = maxDelta;
            double rtolNeeded = neededRtol;
            for (int k = 0; k < count; k++) {
                double r = ref[k];
                double delta = Math.abs(cand[k] - r);
                if (Double.isNaN(delta)) {
                    passed = false;
                    if (largestExcess != Double.POSITIVE_INFINITY) {
                        largestExcess = Double.POSITIVE_INFINITY;
                        worst(firstRow + k, r, delta);
                    }
                    rtolNeeded = Double.POSITIVE_INFINITY;
                    largestDelta = Double.POSITIVE_INFINITY;
                    continue;
                }
                double excess = delta - (atol + rtol * Math.abs(r));
                if (excess > 0) {
                    passed = false;
                }
                if (excess > largestExcess) {
                    largestExcess = excess;
                    worst(firstRow + k, r, delta);
                }
                largestDelta = Math.max(largestDelta, delta);
                if (delta > atol) {
                    rtolNeeded = Math.max(rtolNeeded, r == 0 ? Double.POSITIVE_INFINITY : (delta - atol) / Math.abs(r));
                }
            }
            worstExcess = largestExcess;
            maxDelta = largestDelta;
            neededRtol = rtolNeeded;
        }

        private void worst(int row, double r, double delta) {
            worst = row;
            worstRef = r;
            worstDelta = delta;
        }

        /** The check; {@code time} holds the time of every row added. */
        AllcloseCheck result(double[] time) {
            if (worst < 0) {
                return new AllcloseCheck(rtol, atol, true, -1, Double.NaN, Double.NaN, Double.NaN, rtol, atol);
            }
            return new AllcloseCheck(rtol, atol, passed, worst, time[worst], worstRef, worstDelta, neededRtol,
                    maxDelta);
        }
    }
}
