package org.lemsbridge.trace;

/**
 * Parses the common data row in one pass over its bytes: fields that are decimal numbers, separated as the file's
 * {@link TextFormat} separates them, ended by {@code \n} or {@code \r\n}. Numbers are read while the field is scanned:
 * the digits go into a long mantissa and, when it is at most 2^53 with a power of ten of at most 10^22, one IEEE
 * multiplication or division gives the correctly rounded value (Clinger's fast path), as {@link Double#parseDouble}
 * would; any other field ({@code NaN}, many digits, a large exponent) goes to {@link DecimalParser#parse}.
 *
 * <p>It never reports: a row it does not take whole (a comment, a blank line, a control byte, a field that is not a
 * number, a wrong number of fields) is {@link #SLOW}, and the caller reads that line the careful way, which reports
 * what is wrong exactly as before.
 */
final class PlainRowParser {

    /** The row runs past the bytes read so far. */
    static final int MORE = -1;
    /** The row is not a plain row of numbers; read it the careful way. */
    static final int SLOW = -2;

    private static final int MAX_MANTISSA_DIGITS = 18;
    private static final int MAX_EXPONENT = 100_000;

    private final byte delimiter;
    private final boolean blankRuns;
    private final int width;

    /** A parser of rows of {@code width} fields in {@code format}. */
    PlainRowParser(TextFormat format, int width) {
        this.delimiter = format == TextFormat.CSV ? (byte) ',' : (byte) '\t';
        this.blankRuns = format == TextFormat.WHITESPACE;
        this.width = width;
    }

    /**
     * Parses the row starting at {@code bytes[from]} (bytes up to {@code end} are valid) into {@code row} from
     * {@code offset} on. Returns the index of the row's {@code \n}, or {@link #MORE} or {@link #SLOW}; on those,
     * {@code row} may hold some of the row's values.
     */
    int parse(byte[] bytes, int from, int end, double[] row, int offset) {
        int i = from;
        int field = 0;
        while (true) {
            if (blankRuns) {
                while (i < end && (bytes[i] == ' ' || bytes[i] == '\t')) {
                    i++;
                }
                if (i < end && field == width && bytes[i] == '\n') {
                    return i;
                }
            }
            if (i >= end) {
                return MORE;
            }
            int fieldStart = i;
            boolean negative = false;
            if (bytes[i] == '-') {
                negative = true;
                i++;
            } else if (bytes[i] == '+') {
                i++;
            }
            long mantissa = 0;
            int digits = 0;
            int exponent = 0;
            boolean anyDigit = false;
            boolean fractional = false;
            boolean plain = true;
            byte b = 0;
            for (; i < end; i++) {
                b = bytes[i];
                int digit = b - '0';
                if (digit >= 0 && digit <= 9) {
                    anyDigit = true;
                    if (mantissa != 0 || digit != 0) {
                        if (digits == MAX_MANTISSA_DIGITS) {
                            plain = false;
                            continue;
                        }
                        mantissa = mantissa * 10 + digit;
                        digits++;
                    }
                    if (fractional) {
                        exponent--;
                    }
                } else if (b == '.' && !fractional) {
                    fractional = true;
                } else {
                    break;
                }
            }
            if (i < end && (b == 'E' || b == 'e') && anyDigit) {
                i++;
                boolean negativeExponent = false;
                if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
                    negativeExponent = bytes[i] == '-';
                    i++;
                }
                int value = 0;
                int exponentDigits = 0;
                for (; i < end; i++) {
                    int digit = bytes[i] - '0';
                    if (digit < 0 || digit > 9) {
                        break;
                    }
                    if (value < MAX_EXPONENT) {
                        value = value * 10 + digit;
                    }
                    exponentDigits++;
                }
                plain &= exponentDigits > 0;
                exponent += negativeExponent ? -value : value;
            }
            if (i >= end) {
                return MORE;
            }
            b = bytes[i];
            if (!isSeparator(b)) {
                plain = false;
                i = endOfField(bytes, i, end);
                if (i < 0) {
                    return i;
                }
                b = bytes[i];
            }
            if (field == width) {
                return SLOW;
            }
            double value;
            if (plain && anyDigit && DecimalParser.isExact(mantissa, exponent)) {
                value = DecimalParser.exact(mantissa, exponent, negative);
            } else {
                try {
                    value = DecimalParser.parse(bytes, fieldStart, i);
                } catch (NumberFormatException e) {
                    return SLOW;
                }
            }
            row[offset + field] = value;
            field++;
            if (b == '\r') {
                if (i + 1 >= end) {
                    return MORE;
                }
                return bytes[i + 1] == '\n' && field == width ? i + 1 : SLOW;
            }
            if (b == '\n') {
                return field == width ? i : SLOW;
            }
            i++; // the separator; after jLEMS's trailing TAB the line ends
            if (!blankRuns) {
                if (i >= end) {
                    return MORE;
                }
                if (bytes[i] == '\n') {
                    return field == width ? i : SLOW;
                }
                if (bytes[i] == '\r' && field == width) {
                    return i + 1 < end ? (bytes[i + 1] == '\n' ? i + 1 : SLOW) : MORE;
                }
            }
        }
    }

    private boolean isSeparator(byte b) {
        return b == '\n' || b == '\r' || (blankRuns ? b == ' ' || b == '\t' : b == delimiter);
    }

    /** The index of the separator or line end after a field that is not plain; MORE or SLOW when there is none. */
    private int endOfField(byte[] bytes, int i, int end) {
        for (; i < end; i++) {
            byte b = bytes[i];
            if (isSeparator(b)) {
                return i;
            }
            if (b >= 0 && b < ' ') {
                return SLOW;
            }
        }
        return MORE;
    }
}
