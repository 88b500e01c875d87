package org.lemsbridge.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions at 1, 2 or 5 times a power of ten, about {@code target} of them across a range, and labels that all
 * carry the same number of decimals (scientific notation for very large or very small values).
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
        double step = step(range.span() / Math.max(1, target));
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

    /** Ticks at 0, 1, ..., n-1 labelled with {@code names} (raster rows). */
    public static Ticks named(List<String> names) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add((double) i);
        }
        return new Ticks(values, names);
    }

    /** The 1-2-5 step at or above {@code rough}. */
    static double step(double rough) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double normalised = rough / magnitude;
        double factor = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
        return factor * magnitude;
    }

    static String label(double value, double step, double largest) {
        if (Math.abs(value) < step * 1e-6) {
            return "0";
        }
        boolean scientific = largest >= 1e6 || largest < 1e-3;
        if (scientific) {
            int digits = Math.max(0, (int) Math.floor(Math.log10(Math.abs(value)) + 1e-9)
                    - (int) Math.floor(Math.log10(step) + 1e-9));
            String text = String.format(Locale.ROOT, "%." + digits + "e", value);
            int e = text.indexOf('e');
            return text.substring(0, e) + "e" + Integer.parseInt(text.substring(e + 1));
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
