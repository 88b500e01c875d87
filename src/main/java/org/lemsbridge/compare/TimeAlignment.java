package org.lemsbridge.compare;

import java.util.Arrays;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * How the candidate's samples are put on the reference's time grid: point by point when the grids are identical
 * (same length, times equal to within two float32 ulps), otherwise by linear interpolation of the candidate at the
 * reference times inside the candidate's time range.
 *
 * @param sameGrid     true when no interpolation is needed
 * @param firstRow     first reference row compared
 * @param endRow       one past the last reference row compared
 * @param referenceRows all reference rows
 * @param note         one sentence saying which of the two happened
 */
public record TimeAlignment(boolean sameGrid, int firstRow, int endRow, int referenceRows, String note) {

    public int rows() {
        return endRow - firstRow;
    }

    static TimeAlignment of(double[] refTime, double[] candTime, String candidateSource) {
        requireIncreasing(candTime, candidateSource);
        if (refTime.length == candTime.length && sameTimes(refTime, candTime)) {
            return new TimeAlignment(true, 0, refTime.length, refTime.length,
                    "time grids identical (" + refTime.length + " rows), compared point by point");
        }
        double start = candTime[0];
        double end = candTime[candTime.length - 1];
        int first = 0;
        while (first < refTime.length && refTime[first] < start) {
            first++;
        }
        int last = refTime.length;
        while (last > first && refTime[last - 1] > end) {
            last--;
        }
        if (last - first < 2 || candTime.length < 2) {
            throw new BadInputException(SourceLocation.unknown(candidateSource), "the candidate's time range ["
                    + start + ", " + end + "] s overlaps fewer than 2 reference rows");
        }
        String coverage = (last - first == refTime.length) ? "all " + refTime.length + " reference rows"
                : (last - first) + " of " + refTime.length + " reference rows (those inside the candidate's time range "
                + start + " to " + end + " s)";
        return new TimeAlignment(false, first, last, refTime.length,
                "time grids differ (reference " + refTime.length + " rows, candidate " + candTime.length
                        + "): candidate linearly interpolated onto " + coverage);
    }

    private static boolean sameTimes(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            double tolerance = 2 * Math.ulp((float) Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (!(Math.abs(a[i] - b[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static void requireIncreasing(double[] time, String source) {
        for (int i = 1; i < time.length; i++) {
            if (!(time[i] > time[i - 1])) {
                throw new BadInputException(SourceLocation.unknown(source), "time is not increasing at row " + (i + 1)
                        + " (" + time[i - 1] + " then " + time[i] + ")");
            }
        }
    }

    /** The reference times that are compared. */
    double[] referenceTimes(double[] refTime) {
        return Arrays.copyOfRange(refTime, firstRow, endRow);
    }

    /** The candidate's values at the compared reference times. */
    double[] candidateOnGrid(double[] refTime, double[] candTime, double[] cand) {
        if (sameGrid) {
            return cand.clone();
        }
        double[] out = new double[endRow - firstRow];
        int j = 0;
        for (int i = firstRow; i < endRow; i++) {
            double t = refTime[i];
            while (j < candTime.length - 2 && candTime[j + 1] < t) {
                j++;
            }
            double t0 = candTime[j];
            double t1 = candTime[j + 1];
            double fraction = (t - t0) / (t1 - t0);
            out[i - firstRow] = fraction == 0 ? cand[j] : fraction == 1 ? cand[j + 1]
                    : cand[j] + (cand[j + 1] - cand[j]) * fraction;
        }
        return out;
    }
}
