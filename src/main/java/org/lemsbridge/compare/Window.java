package org.lemsbridge.compare;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the reference a comparison must cover, in seconds: the whole reference ({@link #WHOLE}), or the rows
 * from {@code start} to {@code end} chosen on purpose.
 */
public record Window(double start, double end) {

    public static final Window WHOLE = new Window(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private static final Pattern BOUND = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)\\s*");

    public Window {
        if (Double.isNaN(start) || Double.isNaN(end) || !(start < end)) {
            throw new IllegalArgumentException("a window needs a start before its end, got " + Numbers.format(start)
                    + " to " + Numbers.format(end) + " s");
        }
    }

    public boolean whole() {
        return start == Double.NEGATIVE_INFINITY && end == Double.POSITIVE_INFINITY;
    }

    /**
     * {@code T0:T1}, each a number of seconds or a number with a unit of time ({@code 10ms:50ms}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Window parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0 || colon != text.lastIndexOf(':')) {
            throw new IllegalArgumentException("a window is T0:T1 (seconds, or with a unit of time like 10ms:50ms)");
        }
        return new Window(seconds(text.substring(0, colon)), seconds(text.substring(colon + 1)));
    }

    private static double seconds(String bound) {
        Matcher matcher = BOUND.matcher(bound);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a window bound must be a time like 0.05 or 50ms");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2);
        if (unit.isEmpty() || unit.equals("s")) {
            return value;
        }
        SiUnit si = UnitLookup.resolve(unit);
        if (!si.resolved() || !si.sameDimension(UnitLookup.resolve("s"))) {
            throw new IllegalArgumentException("a window bound must be in a unit of time (s, ms, ...)");
        }
        return si.toSi(value);
    }

    /** {@code 0.01 to 0.05 s}. */
    public String describe() {
        return whole() ? "the whole reference" : Numbers.format(start) + " to " + Numbers.format(end) + " s";
    }
}
