package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a candidate covers what it is compared on: the reference's whole time span (first and last time within
 * half a step, and on equal steps the same number of rows), or, with a window, at least the window's reference rows.
 * A candidate that stopped early, started late or ran on is not a comparison of the same run, whatever its values.
 */
final class Coverage {

    static final String HINT = "a window (--window T0:T1, or window: in a suite case) compares a part on purpose";

    private Coverage() {
    }

    /** Empty when covered, else one line saying where the candidate starts or ends against what it must cover. */
    static String shortfall(double[] refTime, int spanFirst, int spanEnd, double[] candTime, Window window) {
        int last = candTime.length - 1;
        double required0 = refTime[spanFirst];
        double required1 = refTime[spanEnd - 1];
        double halfStepAtStart = 0.5 * Math.max(step(refTime, spanFirst), step(candTime, 0));
        double halfStepAtEnd = 0.5 * Math.max(step(refTime, spanEnd - 1), step(candTime, last));
        String against = window.whole() ? "the reference" : "the window";
        String mark0 = window.whole() ? "the reference's first time" : "the window's first reference time";
        String mark1 = window.whole() ? "the reference's last time" : "the window's last reference time";
        List<String> problems = new ArrayList<>();
        double lateStart = candTime[0] - required0;
        if (lateStart > halfStepAtStart) {
            problems.add("starts at t = " + Numbers.format(candTime[0]) + " s, " + Numbers.format(lateStart)
                    + " s after " + mark0 + " (" + Numbers.format(required0) + " s)");
        } else if (window.whole() && -lateStart > halfStepAtStart) {
            problems.add("starts at t = " + Numbers.format(candTime[0]) + " s, " + Numbers.format(-lateStart)
                    + " s before " + mark0 + " (" + Numbers.format(required0) + " s)");
        }
        double earlyEnd = required1 - candTime[last];
        if (earlyEnd > halfStepAtEnd) {
            problems.add("ends at t = " + Numbers.format(candTime[last]) + " s, " + Numbers.format(earlyEnd)
                    + " s before " + mark1 + " (" + Numbers.format(required1) + " s)");
        } else if (window.whole() && -earlyEnd > halfStepAtEnd) {
            problems.add("runs on to t = " + Numbers.format(candTime[last]) + " s, " + Numbers.format(-earlyEnd)
                    + " s after " + mark1 + " (" + Numbers.format(required1) + " s)");
        }
        if (problems.isEmpty() && window.whole() && candTime.length != refTime.length
                && sameStep(refTime, candTime)) {
            problems.add("has " + candTime.length + " rows where the reference has " + refTime.length
                    + " at the same step");
        }
        if (problems.isEmpty()) {
            return "";
        }
        return "coverage: the candidate (" + candTime.length + " rows) " + String.join(" and ", problems) + "; "
                + against + " has " + (spanEnd - spanFirst) + " rows from " + Numbers.format(required0) + " to "
                + Numbers.format(required1) + " s; " + HINT;
    }

    /** The step beside a row (the next one, or the previous one at the last row); 0 for a single row. */
    private static double step(double[] time, int row) {
        if (time.length < 2) {
            return 0;
        }
        int next = Math.min(row + 1, time.length - 1);
        return time[next] - time[next - 1];
    }

    private static boolean sameStep(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return false;
        }
        double stepA = (a[a.length - 1] - a[0]) / (a.length - 1);
        double stepB = (b[b.length - 1] - b[0]) / (b.length - 1);
        return Math.abs(stepA - stepB) <= 1e-6 * Math.max(Math.abs(stepA), Math.abs(stepB));
    }
}
