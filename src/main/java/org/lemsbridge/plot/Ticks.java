package org.lemsbridge.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions at 1, 2, 2.5 or 5 times a power of ten, about {@code target} of them across a range, and labels
 * that all carry the same number of decimals (scientific notation for very large or very small values).
 *
 * @param values the tick positions, ascending, inside the range
 * @param labels one label per position
 */
public record Ticks(List<Double> values, List<String> labels) {

    public Ticks {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
    }

    public static Ticks across(Range range, int target) {
        double step = step(range, Math.max(1, target));
        long first = (long) Math.ceil(range.min() / step - 1e-9);
        long last = (long) Math.floor(range.max() / step + 1e-9);
        List<Double> values = new ArrayList<>();
        for (long i = first; i <= last; i++) {
            values.add(i * step);
        }
        double largest = Math.max(Math.abs(range.min()), Math.abs(range.max()));
        List<String> labels = new ArrayList<>();
        for (double value : values) {
            labels.add(label(value, step, largest));
        }
        return new Ticks(values, labels);
    }

    /**
     * The step among 1, 2, 2.5, 5 and 10 times a power of ten that gives about {@code target} ticks, preferring one
     * that puts ticks on both ends of the range (0..150 gets 0, 10, ..., 150 rather than 0, 20, ..., 140).
     */
    static double step(Range range, int target) {
        double rough = range.span() / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double best = magnitude;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            double step = factor * magnitude;
            double count = range.span() / step;
            boolean ends = onGrid(range.min(), step) && onGrid(range.max(), step);
            double score = Math.abs(Math.log(count / target)) + (ends ? 0 : 0.5) + (factor == 2.5 ? 0.2 : 0);
            if (score < bestScore) {
                bestScore = score;
                best = step;
            }
        }
        return best;
    }

    private static boolean onGrid(double value, double step) {
        double ratio = value / step;
        return Math.abs(ratio - Math.rint(ratio)) < 1e-6;
    }

    /**
     * Ticks at 0, 1, ..., n-1 labelled with {@code names} (raster rows); of more than {@code most} names, every k-th
     * so that at most {@code most} remain.
     */
    public static Ticks named(List<String> names, int most) {
        int every = Math.max(1, (names.size() + most - 1) / Math.max(1, most));
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i += every) {
            values.add((double) i);
            labels.add(names.get(i));
        }
        return new Ticks(values, labels);
    }

    static String label(double value, double step, double largest) {
        if (Math.abs(value) < step * 1e-6) {
            return "0";
        }
        boolean scientific = largest >= 1e6 || largest < 1e-3;
        if (scientific) {
            int digits = Math.max(0, (int) Math.floor(Math.log10(Math.abs(value)) + 1e-9)
                    - (int) Math.floor(Math.log10(step) + 1e-9) + (onGrid(step, Math.pow(10,
                    Math.floor(Math.log10(step) + 1e-9))) ? 0 : 1));
            String text = String.format(Locale.ROOT, "%." + digits + "e", value);
            int e = text.indexOf('e');
            String mantissa = text.substring(0, e).contains(".")
                    ? text.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "") : text.substring(0, e);
            return mantissa + "e" + Integer.parseInt(text.substring(e + 1));
        }
        int decimals = Math.max(0, new BigDecimal(step).round(new MathContext(6)).stripTrailingZeros().scale());
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
