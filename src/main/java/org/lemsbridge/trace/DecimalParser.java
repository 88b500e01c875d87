package org.lemsbridge.trace;

import java.nio.charset.StandardCharsets;

/**
 * Parses the decimal forms {@link Float#toString} and {@link Double#toString} print ({@code -0.07}, {@code 5.0E-6},
 * {@code 15}, {@code 1e3}) straight from bytes, correctly rounded; anything else goes to {@link Double#parseDouble}.
 *
 * <p>The fast path is exact (Clinger's): a mantissa of at most 2^53 is a double and so is every power of ten up to
 * 10^22, so one IEEE multiplication or division rounds once, as {@code parseDouble} does.
 */
final class DecimalParser {

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    /** Digits that fit a long whatever they are (10^18 < 2^63). */
    private static final int MAX_FAST_DIGITS = 18;

    private DecimalParser() {
    }

    /**
     * The value of {@code bytes[from, to)}.
     *
     * @throws NumberFormatException when the text is not a number
     */
    static double parse(byte[] bytes, int from, int to) {
        int i = from;
        if (i >= to) {
            throw new NumberFormatException("empty field");
        }
        boolean negative = false;
        if (bytes[i] == '-' || bytes[i] == '+') {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significantDigits = 0;
        int decimalExponent = 0;
        boolean anyDigit = false;
        boolean fractional = false;
        for (; i < to; i++) {
            byte b = bytes[i];
            if (b >= '0' && b <= '9') {
                anyDigit = true;
                if (mantissa == 0 && b == '0') {
                    if (fractional) {
                        decimalExponent--;
                    }
                    continue;
                }
                if (significantDigits == MAX_FAST_DIGITS) {
                    return slow(bytes, from, to);
                }
                mantissa = mantissa * 10 + (b - '0');
                significantDigits++;
                if (fractional) {
                    decimalExponent--;
                }
            } else if (b == '.' && !fractional) {
                fractional = true;
            } else {
                break;
            }
        }
        if (!anyDigit) {
            return slow(bytes, from, to);
        }
        if (i < to) {
            if (bytes[i] != 'E' && bytes[i] != 'e') {
                return slow(bytes, from, to);
            }
            i++;
            boolean negativeExponent = false;
            if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
                negativeExponent = bytes[i] == '-';
                i++;
            }
            if (i >= to) {
                return slow(bytes, from, to);
            }
            int exponent = 0;
            for (; i < to; i++) {
                byte b = bytes[i];
                if (b < '0' || b > '9' || exponent > 100_000) {
                    return slow(bytes, from, to);
                }
                exponent = exponent * 10 + (b - '0');
            }
            decimalExponent += negativeExponent ? -exponent : exponent;
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (!isExact(mantissa, decimalExponent)) {
            return slow(bytes, from, to);
        }
        return exact(mantissa, decimalExponent, negative);
    }

    /** Whether {@link #exact} gives {@code mantissa * 10^exponent} correctly rounded. */
    static boolean isExact(long mantissa, int exponent) {
        return mantissa <= MAX_EXACT_MANTISSA && exponent > -POWERS_OF_TEN.length && exponent < POWERS_OF_TEN.length;
    }

    /** {@code (negative ? -1 : 1) * mantissa * 10^exponent}, when {@link #isExact}. */
    static double exact(long mantissa, int exponent, boolean negative) {
        double value = mantissa;
        if (exponent > 0) {
            value *= POWERS_OF_TEN[exponent];
        } else if (exponent < 0) {
            value /= POWERS_OF_TEN[-exponent];
        }
        return negative ? -value : value;
    }

    private static double slow(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        switch (unsigned) {
            case "NaN", "nan":
                return Double.NaN;
            case "Infinity", "inf", "Inf":
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default:
                break;
        }
        for (int k = 0; k < unsigned.length(); k++) {
            // parseDouble also takes blanks, hex and suffixes like "d"; a field must be a plain decimal number.
            char c = unsigned.charAt(k);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+';
            if (!allowed) {
                throw new NumberFormatException("not a number: '" + text + "'");
            }
        }
        return Double.parseDouble(text);
    }
}
