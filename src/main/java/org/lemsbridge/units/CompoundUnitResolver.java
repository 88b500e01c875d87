package org.lemsbridge.units;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands TVBO-style unit names built from parts: {@code X_Y} multiplies, {@code per_X} divides by the
 * part right after it, a trailing integer raises a part to that power ({@code cm2}, {@code s2}), and a part
 * is a unit of the table or an SI symbol with an optional decimal prefix ({@code kHz}, {@code mmol}).
 */
final class CompoundUnitResolver {

    private static final Set<String> DIMENSIONLESS_NAMES =
            Set.of("", "1", "none", "dimensionless", "unitless", "percent", "%", "arbitrary_unit", "per_unit");

    private static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    /** SI symbols a decimal prefix may be put in front of: symbol to (dimension, power of ten). */
    private static final Map<String, Part> PREFIXABLE = Map.ofEntries(
            Map.entry("s", Part.of(TIME, 0)),
            Map.entry("m", Part.of(new Dimension(0, 1, 0, 0, 0, 0, 0), 0)),
            Map.entry("g", Part.of(new Dimension(1, 0, 0, 0, 0, 0, 0), -3)),
            Map.entry("A", Part.of(new Dimension(0, 0, 0, 1, 0, 0, 0), 0)),
            Map.entry("K", Part.of(new Dimension(0, 0, 0, 0, 1, 0, 0), 0)),
            Map.entry("mol", Part.of(new Dimension(0, 0, 0, 0, 0, 1, 0), 0)),
            Map.entry("cd", Part.of(new Dimension(0, 0, 0, 0, 0, 0, 1), 0)),
            Map.entry("Hz", Part.of(TIME.pow(-1), 0)),
            Map.entry("N", Part.of(new Dimension(1, 1, -2, 0, 0, 0, 0), 0)),
            Map.entry("Pa", Part.of(new Dimension(1, -1, -2, 0, 0, 0, 0), 0)),
            Map.entry("J", Part.of(new Dimension(1, 2, -2, 0, 0, 0, 0), 0)),
            Map.entry("W", Part.of(new Dimension(1, 2, -3, 0, 0, 0, 0), 0)),
            Map.entry("C", Part.of(new Dimension(0, 0, 1, 1, 0, 0, 0), 0)),
            Map.entry("V", Part.of(new Dimension(1, 2, -3, -1, 0, 0, 0), 0)),
            Map.entry("F", Part.of(new Dimension(-1, -2, 4, 2, 0, 0, 0), 0)),
            Map.entry("ohm", Part.of(new Dimension(1, 2, -3, -2, 0, 0, 0), 0)),
            Map.entry("S", Part.of(new Dimension(-1, -2, 3, 2, 0, 0, 0), 0)),
            Map.entry("Wb", Part.of(new Dimension(1, 2, -2, -1, 0, 0, 0), 0)),
            Map.entry("T", Part.of(new Dimension(1, 0, -2, -1, 0, 0, 0), 0)),
            Map.entry("H", Part.of(new Dimension(1, 2, -2, -2, 0, 0, 0), 0)),
            Map.entry("L", Part.of(new Dimension(0, 3, 0, 0, 0, 0, 0), -3)),
            Map.entry("M", Part.of(new Dimension(0, -3, 0, 0, 0, 1, 0), 3)),
            Map.entry("rad", Part.of(Dimension.NONE, 0)),
            Map.entry("sr", Part.of(Dimension.NONE, 0)));

    private record Prefix(String symbol, int power) {
    }

    /** Two-letter prefixes first, so {@code da} wins over {@code d}. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("da", 1), new Prefix("Y", 24), new Prefix("Z", 21), new Prefix("E", 18),
            new Prefix("P", 15), new Prefix("T", 12), new Prefix("G", 9), new Prefix("M", 6), new Prefix("k", 3),
            new Prefix("h", 2), new Prefix("d", -1), new Prefix("c", -2), new Prefix("m", -3),
            new Prefix("u", -6), new Prefix("\u00b5", -6), new Prefix("n", -9), new Prefix("p", -12),
            new Prefix("f", -15), new Prefix("a", -18), new Prefix("z", -21), new Prefix("y", -24));

    private static final Pattern WITH_EXPONENT = Pattern.compile("(.*\\D)(\\d+)");

    /** A factor of a compound unit; {@code scale * 10^power} to SI. */
    private record Part(Dimension dimension, int power, double scale, double offset) {
        static Part of(Dimension dimension, int power) {
            return new Part(dimension, power, 1.0, 0.0);
        }

        static Part of(Unit unit) {
            return new Part(unit.dimension(), unit.power(), unit.scale(), unit.offset());
        }

        Part pow(int exponent) {
            return new Part(dimension.pow(exponent), power * exponent, Math.pow(scale, exponent), offset);
        }

        Part times(Part other) {
            return new Part(dimension.times(other.dimension), power + other.power, scale * other.scale, 0.0);
        }
    }

    private final UnitTable table;

    CompoundUnitResolver(UnitTable table) {
        this.table = table;
    }

    Unit resolve(String symbol) {
        String name = symbol.strip();
        if (DIMENSIONLESS_NAMES.contains(name)) {
            return new Unit(symbol, Dimension.NONE, 0, 1.0, 0.0);
        }
        String[] tokens = name.split("_", -1);
        Part total = Part.of(Dimension.NONE, 0);
        boolean divide = false;
        for (String token : tokens) {
            if (token.equals("per")) {
                if (divide) {
                    throw new UnitException("unit '" + symbol + "' has 'per' twice in a row");
                }
                divide = true;
                continue;
            }
            Part part = atom(token)
                    .orElseThrow(() -> new UnitException(unknownMessage(token, symbol)));
            if (part.offset() != 0.0 && tokens.length > 1) {
                throw new UnitException("unit '" + token + "' has an offset and cannot be part of '" + symbol
                        + "'");
            }
            total = total.times(divide ? part.pow(-1) : part);
            divide = false;
        }
        if (divide) {
            throw new UnitException("unit '" + symbol + "' ends with 'per'");
        }
        return new Unit(symbol, total.dimension(), total.power(), total.scale(), 0.0);
    }

    private static String unknownMessage(String token, String symbol) {
        if (token.isEmpty()) {
            return "unit '" + symbol + "' has an empty part";
        }
        if (token.equals(symbol.strip())) {
            return "unknown unit '" + symbol + "'";
        }
        return "unknown unit '" + token + "' in '" + symbol + "'";
    }

    private Optional<Part> atom(String token) {
        Optional<Part> plain = atomWithoutExponent(token);
        if (plain.isPresent()) {
            return plain;
        }
        Matcher matcher = WITH_EXPONENT.matcher(token);
        if (matcher.matches() && matcher.group(2).length() <= 2) {
            int exponent = Integer.parseInt(matcher.group(2));
            if (exponent > 0) {
                return atomWithoutExponent(matcher.group(1)).map(part -> part.pow(exponent));
            }
        }
        return Optional.empty();
    }

    private Optional<Part> atomWithoutExponent(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Unit> defined = table.unit(token);
        if (defined.isPresent()) {
            return Optional.of(Part.of(defined.get()));
        }
        Part si = PREFIXABLE.get(token);
        if (si != null) {
            return Optional.of(si);
        }
        for (Prefix prefix : PREFIXES) {
            if (token.length() > prefix.symbol().length() && token.startsWith(prefix.symbol())) {
                Part base = PREFIXABLE.get(token.substring(prefix.symbol().length()));
                if (base != null) {
                    return Optional.of(new Part(base.dimension(), base.power() + prefix.power(), base.scale(),
                            base.offset()));
                }
            }
        }
        return Optional.empty();
    }
}
