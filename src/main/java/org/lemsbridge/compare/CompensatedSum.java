package org.lemsbridge.compare;

/** Neumaier's compensated summation: the rounding error of a long sum stays near one ulp. */
final class CompensatedSum {
    /** The running sum; a loop may keep it and {@link #compensation} in locals and store them back. */
    double sum;
    double compensation;

    void add(double value) {
        double t = sum + value;
        compensation += error(sum, value, t);
        sum = t;
    }

    /** The rounding error of {@code t = sum + value}, which Neumaier's sum adds to its compensation. */
    static double error(double sum, double value, double t) {
        return Math.abs(sum) >= Math.abs(value) ? (sum - t) + value : (value - t) + sum;
    }

    double value() {
        return sum + compensation;
    }
}
