package org.lemsbridge.lems;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The document's own Dimension and Unit elements, and jLEMS's conversion of a value such as {@code -70mV} to SI:
 * {@code ((number + offset) * scale) * Math.pow(10, power)}.
 */
public record LemsUnits(Map<String, DimensionDef> dimensions, Map<String, UnitDef> units) {

    /** A named dimension: exponents of mass, length, time, current, temperature, amount, luminous intensity. */
    public record DimensionDef(String name, int[] exponents) {
        public DimensionDef {
            exponents = exponents.clone();
        }

        @Override
        public int[] exponents() {
            return exponents.clone();
        }

        boolean sameAs(DimensionDef other) {
            return Arrays.equals(exponents, other.exponents);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DimensionDef d && d.name.equals(name) && Arrays.equals(d.exponents, exponents);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(exponents);
        }

        /** The SI symbol for this dimension, e.g. V, A, S, or 1 for a pure number. */
        public String siSymbol() {
            return SiSymbols.symbolFor(exponents);
        }
    }

    /** A unit symbol with its dimension and the jLEMS conversion factors. */
    public record UnitDef(String symbol, String dimension, int power, double scale, double offset) {
        public double toSi(double number) {
            return ((number + offset) * scale) * Math.pow(10, power);
        }
    }

    public LemsUnits {
        dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
        units = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public DimensionDef dimension(String name) {
        return dimensions.get(name);
    }

    /**
     * Converts a parameter value string to SI. {@code expectedDimension} is a Dimension name, {@code *} for any, or
     * null when unknown.
     */
    public double toSi(String text, String expectedDimension, SourceLocation where) {
        String trimmed = text.trim();
        try {
            double plain = Double.parseDouble(trimmed);
            if (expectedDimension != null && !expectedDimension.equals("*") && !expectedDimension.equals("none")) {
                DimensionDef expected = dimensions.get(expectedDimension);
                if (expected != null && Arrays.stream(expected.exponents).anyMatch(e -> e != 0)) {
                    throw new BadInputException(where, "'" + text + "' has no unit but needs dimension "
                            + expectedDimension, "write a unit, e.g. " + trimmed + exampleUnit(expectedDimension));
                }
            }
            return plain;
        } catch (NumberFormatException notPlain) {
            // number followed by a unit
        }
        String number;
        String symbol;
        int space = trimmed.indexOf(' ');
        if (space > 0) {
            number = trimmed.substring(0, space);
            symbol = trimmed.substring(space + 1).trim();
        } else {
            int end = numberPrefixLength(trimmed);
            number = trimmed.substring(0, end);
            symbol = trimmed.substring(end).trim();
        }
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new BadInputException(where, "cannot read a number in '" + text + "'");
        }
        UnitDef unit = units.get(symbol);
        if (unit == null) {
            throw new BadInputException(where, "unknown unit '" + symbol + "' in '" + text + "'",
                    "declare it with <Unit symbol=\"" + symbol + "\" .../> or include NeuroMLCoreDimensions.xml");
        }
        if (expectedDimension != null && !expectedDimension.equals("*")) {
            DimensionDef expected = dimensions.get(expectedDimension);
            DimensionDef actual = dimensions.get(unit.dimension());
            if (expected != null && actual != null && !expected.sameAs(actual)) {
                throw new BadInputException(where, "'" + text + "' has dimension " + unit.dimension()
                        + " but dimension " + expectedDimension + " is needed");
            }
        }
        return unit.toSi(value);
    }

    /** The dimension of a unit symbol, or null. */
    public String dimensionOfUnit(String symbol) {
        UnitDef unit = units.get(symbol);
        return unit == null ? null : unit.dimension();
    }

    private String exampleUnit(String dimension) {
        return units.values().stream().filter(u -> u.dimension().equals(dimension)).map(UnitDef::symbol).findFirst()
                .orElse("");
    }

    private static int numberPrefixLength(String s) {
        int i = 0;
        boolean seenExponent = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == '+' || c == '-') {
                i++;
            } else if ((c == 'e' || c == 'E') && !seenExponent && i + 1 < s.length()
                    && (Character.isDigit(s.charAt(i + 1)) || "+-.".indexOf(s.charAt(i + 1)) >= 0)) {
                seenExponent = true;
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
