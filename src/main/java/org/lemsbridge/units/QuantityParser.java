package org.lemsbridge.units;

import java.util.Objects;

/** Reads quantity text such as {@code -70mV}, {@code 20.0 ms} or {@code 1e-3} the way jLEMS does. */
public final class QuantityParser {

    private QuantityParser() {
    }

    /**
     * Parses a quantity. The whole trimmed text as a Java double is a pure number (unit {@code none});
     * otherwise the number ends at the first space, or else is the longest prefix of digits, {@code .},
     * {@code +}, {@code -} and one {@code e}/{@code E} followed by a digit, sign or dot. The rest, trimmed,
     * must be a unit symbol of the table.
     *
     * @throws UnitException for an empty or malformed number or an unknown unit symbol
     */
    public static Quantity parse(String text, UnitTable table) {
        Objects.requireNonNull(text);
        Objects.requireNonNull(table);
        String trimmed = text.strip();
        Double pure = parseDouble(trimmed);
        if (pure != null) {
            return new Quantity(pure, table.unit(Unit.NONE.symbol()).orElse(Unit.NONE));
        }
        int space = trimmed.indexOf(' ');
        int numberEnd = space >= 0 ? space : numberPrefixLength(trimmed);
        String numberText = trimmed.substring(0, numberEnd);
        String symbol = trimmed.substring(numberEnd).strip();
        if (numberText.isEmpty()) {
            throw new UnitException("no number in quantity '" + text + "'");
        }
        Double number = parseDouble(numberText);
        if (number == null) {
            throw new UnitException("bad number '" + numberText + "' in quantity '" + text + "'");
        }
        Unit unit = table.unit(symbol)
                .orElseThrow(() -> new UnitException("unknown unit '" + symbol + "' in quantity '" + text + "'", symbol));
        return new Quantity(number, unit);
    }

    /**
     * Parses a quantity and checks that its unit has the expected dimension; a pure number is accepted only
     * for a dimensionless expectation.
     *
     * @throws UnitException as {@link #parse(String, UnitTable)}, or for a dimension mismatch
     */
    public static Quantity parse(String text, UnitTable table, Dimension expected) {
        Objects.requireNonNull(expected);
        Quantity quantity = parse(text, table);
        Dimension actual = quantity.unit().dimension();
        if (!actual.equals(expected)) {
            if (actual.isNone()) {
                throw new UnitException("quantity '" + text.strip() + "' needs a unit of " + expected.describe());
            }
            throw new UnitException("quantity '" + text.strip() + "' has unit '" + quantity.unit().symbol()
                    + "' of " + actual.describe() + ", but " + expected.describe() + " is expected");
        }
        return quantity;
    }

    private static int numberPrefixLength(String text) {
        boolean exponentSeen = false;
        int index = 0;
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isAsciiDigit(c) || c == '.' || c == '+' || c == '-') {
                index++;
            } else if ((c == 'e' || c == 'E') && !exponentSeen && index + 1 < text.length()
                    && startsExponent(text.charAt(index + 1))) {
                exponentSeen = true;
                index++;
            } else {
                break;
            }
        }
        return index;
    }

    private static boolean startsExponent(char c) {
        return isAsciiDigit(c) || c == '+' || c == '-' || c == '.';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
