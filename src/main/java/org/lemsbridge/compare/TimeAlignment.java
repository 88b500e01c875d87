package org.lemsbridge.compare;

import java.util.Arrays;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * How the candidate's samples are put on the reference's time grid: point by point when the candidate has a row at
 * every compared reference time (times equal to within two float32 ulps), otherwise by linear interpolation of the
 * candidate at the reference times inside the candidate's time range; and whether the candidate covers what it must.
 *
 * @param sameGrid        true when no interpolation is needed
 * @param firstRow        first reference row compared
 * @param endRow          one past the last reference row compared
 * @param referenceRows   all reference rows
 * @param candidateOffset on the same grid, the candidate row at {@code firstRow}'s time (0 otherwise)
 * @param note            one sentence saying which of the two happened
 * @param shortfall       empty when the candidate covers the reference (or the window); otherwise one line saying
 *                        where the candidate ends or starts, which fails every tier
 */
public record TimeAlignment(boolean sameGrid, int firstRow, int endRow, int referenceRows, int candidateOffset,
                            String note, String shortfall) {

    public int rows() {
        return endRow - firstRow;
    }

    public boolean covered() {
        return shortfall.isEmpty();
    }

    static TimeAlignment of(double[] refTime, double[] candTime, String candidateSource, Window window) {
        requireIncreasing(candTime, candidateSource);
        int spanFirst = 0;
        int spanEnd = refTime.length;
        if (!window.whole()) {
            while (spanFirst < refTime.length && refTime[spanFirst] < window.start() - slack(refTime, spanFirst)) {
                spanFirst++;
            }
            while (spanEnd > spanFirst && refTime[spanEnd - 1] > window.end() + slack(refTime, spanEnd - 1)) {
                spanEnd--;
            }
            if (spanEnd - spanFirst < 2) {
                throw new BadInputException(SourceLocation.unknown("--window"), "the window " + window.describe()
                        + " holds fewer than 2 reference rows (the reference spans " + span(refTime) + ")");
            }
        }
        String shortfall = Coverage.shortfall(refTime, spanFirst, spanEnd, candTime, window);
        double start = candTime[0];
        double end = candTime[candTime.length - 1];
        int first = spanFirst;
        while (first < spanEnd && refTime[first] < start && !sameTime(refTime[first], start)) {
            first++;
        }
        int last = spanEnd;
        while (last > first && refTime[last - 1] > end && !sameTime(refTime[last - 1], end)) {
            last--;
        }
        if (last - first < 2 || candTime.length < 2) {
            throw new BadInputException(SourceLocation.unknown(candidateSource), "the candidate's time range ["
                    + start + ", " + end + "] s overlaps fewer than 2 reference rows"
                    + (window.whole() ? "" : " of the window " + window.describe()));
        }
        int offset = pointByPointOffset(refTime, first, last, candTime);
        String part = window.whole() ? "" : " in the window " + window.describe();
        if (offset >= 0) {
            String rows = last - first == refTime.length && candTime.length == refTime.length
                    ? "time grids identical (" + refTime.length + " rows), compared point by point"
                    : "time grids identical on " + (last - first) + " of " + refTime.length + " reference rows"
                    + part + " (candidate " + candTime.length + " rows), compared point by point";
            return new TimeAlignment(true, first, last, refTime.length, offset, rows, shortfall);
        }
        String coverage = (last - first == refTime.length) ? "all " + refTime.length + " reference rows"
                : (last - first) + " of " + refTime.length + " reference rows (those inside the candidate's time range "
                + start + " to " + end + " s" + part + ")";
        return new TimeAlignment(false, first, last, refTime.length, 0,
                "time grids differ (reference " + refTime.length + " rows, candidate " + candTime.length
                        + "): candidate linearly interpolated onto " + coverage, shortfall);
    }

    /** Half the reference's step at a row: how far a window bound may miss a reference time. */
    private static double slack(double[] time, int row) {
        int next = Math.min(row + 1, time.length - 1);
        int previous = Math.max(next - 1, 0);
        return 0.5 * (time[next] - time[previous]);
    }

    private static String span(double[] time) {
        return Numbers.format(time[0]) + " to " + Numbers.format(time[time.length - 1]) + " s";
    }

    /** The candidate row holding the reference time of {@code first} when every compared time has one, else -1. */
    private static int pointByPointOffset(double[] refTime, int first, int last, double[] candTime) {
        int found = Arrays.binarySearch(candTime, refTime[first]);
        int offset = found >= 0 ? found : nearest(candTime, -found - 1, refTime[first]);
        if (offset < 0 || candTime.length - offset < last - first) {
            return -1;
        }
        for (int i = first; i < last; i++) {
            if (!sameTime(refTime[i], candTime[offset + i - first])) {
                return -1;
            }
        }
        return offset;
    }

    private static int nearest(double[] time, int insertion, double t) {
        for (int candidate : new int[] {insertion - 1, insertion}) {
            if (candidate >= 0 && candidate < time.length && sameTime(time[candidate], t)) {
                return candidate;
            }
        }
        return -1;
    }

    static boolean sameTime(double a, double b) {
        double tolerance = 2 * Math.ulp((float) Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= tolerance;
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
            return Arrays.copyOfRange(cand, candidateOffset, candidateOffset + rows());
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
