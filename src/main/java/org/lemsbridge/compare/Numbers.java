package org.lemsbridge.compare;

import java.math.BigDecimal;
import java.util.Locale;

/** Short human-readable numbers for messages and reports (6 significant digits, no trailing zeros). */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1e-4 && abs < 1e7) {
            BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(6));
            return rounded.stripTrailingZeros().toPlainString();
        }
        String text = String.format(Locale.ROOT, "%.5e", value);
        int e = text.indexOf('e');
        String mantissa = text.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        int exponent = Integer.parseInt(text.substring(e + 1));
        return mantissa + "e" + exponent;
    }

    /** {@code 0.0123 V}, or the bare number when the unit is unknown or dimensionless. */
    public static String withUnit(double value, String unit) {
        return unit == null || unit.isEmpty() || unit.equals("1") ? format(value) : format(value) + " " + unit;
    }
}
