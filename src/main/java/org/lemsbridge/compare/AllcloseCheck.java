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
        for (int i = 0; i < ref.length; i++) {
            check.add(i, ref[i], cand[i]);
        }
        return check.result(time);
    }

    /** The allowance at the worst row: {@code atol + rtol * |ref|}. */
    public double allowedAtWorst() {
        return atol + rtol * Math.abs(worstRef);
    }

    /** The check gathered row by row, for a column that is not held in memory; the same numbers as {@link #of}. */
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

        /** Row {@code row} (counted from 0 in the order rows are added) with its two values. */
        void add(int row, double r, double c) {
            double delta = Math.abs(c - r);
            if (Double.isNaN(delta)) {
                passed = false;
                if (worstExcess != Double.POSITIVE_INFINITY) {
                    worstExcess = Double.POSITIVE_INFINITY;
                    worst(row, r, delta);
                }
                neededRtol = Double.POSITIVE_INFINITY;
                maxDelta = Double.POSITIVE_INFINITY;
                return;
            }
            double excess = delta - (atol + rtol * Math.abs(r));
            if (excess > 0) {
                passed = false;
            }
            if (excess > worstExcess) {
                worstExcess = excess;
                worst(row, r, delta);
            }
            maxDelta = Math.max(maxDelta, delta);
            if (delta > atol) {
                neededRtol = Math.max(neededRtol, r == 0 ? Double.POSITIVE_INFINITY : (delta - atol) / Math.abs(r));
            }
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
