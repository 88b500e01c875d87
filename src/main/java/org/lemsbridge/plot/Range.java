package org.lemsbridge.plot;

/** A closed interval of an axis, in display units, with {@code min < max}. */
public record Range(double min, double max) {

    public Range {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("an axis range needs finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * The range of the finite values of {@code series} (x or y), padded by {@code padding} of its span on both
     * sides; a single value v gets {@code [v - 1, v + 1]} (or {@code v ± |v|/10}), no value at all {@code [0, 1]}.
     */
    public static Range covering(Iterable<double[]> arrays, double padding) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] values : arrays) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (min > max) {
            return new Range(0, 1);
        }
        return around(min, max, padding);
    }

    /** {@code [min, max]} widened by {@code padding} of the span, or around a single value as {@link #covering}. */
    public static Range around(double min, double max, double padding) {
        if (max > min) {
            double pad = (max - min) * padding;
            return new Range(min - pad, max + pad);
        }
        double half = min == 0 ? 1 : Math.abs(min) / 10;
        return new Range(min - half, min + half);
    }

    public double span() {
        return max - min;
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
