package org.lemsbridge.units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lemsbridge.error.NearestName;

/**
 * Reads unit expressions as TVBO and pint write them: products ({@code mV*ms^-1}, {@code mol.m**-3}), quotients
 * ({@code mV/s}, {@code mMol/m**3}), integer powers with {@code ^} or {@code **} (negative too), parentheses
 * ({@code (pC)^-1}), and unit names spelled out, case-insensitively, with an optional prefix word
 * ({@code Millivolt}, {@code Kilohertz}, {@code umeter}). A single name is resolved by the table first (so
 * {@code mV} and {@code per_ms} keep their meaning); an unknown name is refused with the nearest known one.
 *
 * <p>Grammar: {@code expr := power (('*' | '.' | '/') power)*}, {@code power := atom (('^' | '**') integer)?},
 * {@code atom := '(' expr ')' | name | '1'}. Division binds like multiplication, left to right.
 */
final class UnitExpression {

    /** Spelled-out prefixes, longest first so that {@code deca} is not read as {@code d}+{@code eca}. */
    private static final List<Map.Entry<String, Integer>> PREFIX_WORDS = List.of(
            Map.entry("micro", -6), Map.entry("milli", -3), Map.entry("centi", -2), Map.entry("deci", -1),
            Map.entry("kilo", 3), Map.entry("mega", 6), Map.entry("giga", 9), Map.entry("nano", -9),
            Map.entry("pico", -12), Map.entry("femto", -15), Map.entry("deca", 1), Map.entry("hecto", 2));

    /** Spelled-out SI units (lower case) and the symbol the table or the compound resolver knows them by. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("second", "s"), Map.entry("seconds", "s"), Map.entry("sec", "s"),
            Map.entry("meter", "m"), Map.entry("metre", "m"), Map.entry("meters", "m"), Map.entry("metres", "m"),
            Map.entry("gram", "g"), Map.entry("grams", "g"),
            Map.entry("volt", "V"), Map.entry("volts", "V"),
            Map.entry("ampere", "A"), Map.entry("amp", "A"), Map.entry("amperes", "A"),
            Map.entry("hertz", "Hz"), Map.entry("siemens", "S"), Map.entry("farad", "F"), Map.entry("coulomb", "C"),
            Map.entry("ohm", "ohm"), Map.entry("mol", "mol"), Map.entry("mole", "mol"), Map.entry("moles", "mol"),
            Map.entry("liter", "L"), Map.entry("litre", "L"), Map.entry("molar", "M"), Map.entry("radian", "rad"),
            Map.entry("radians", "rad"), Map.entry("kelvin", "K"), Map.entry("newton", "N"), Map.entry("joule", "J"),
            Map.entry("watt", "W"), Map.entry("pascal", "Pa"), Map.entry("henry", "H"), Map.entry("tesla", "T"));

    /** Single-letter SI prefixes in front of a spelled-out unit ({@code umeter}, {@code mMol}). */
    private static final Map<Character, Integer> PREFIX_LETTERS = Map.ofEntries(
            Map.entry('k', 3), Map.entry('M', 6), Map.entry('G', 9), Map.entry('c', -2), Map.entry('d', -1),
            Map.entry('m', -3), Map.entry('u', -6), Map.entry('\u00b5', -6), Map.entry('n', -9),
            Map.entry('p', -12), Map.entry('f', -15));

    private final UnitTable table;
    private final String text;
    private int pos;

    private UnitExpression(UnitTable table, String text) {
        this.table = table;
        this.text = text;
    }

    /** True when {@code symbol} is an expression rather than one name (it has an operator or a parenthesis). */
    static boolean looksLikeExpression(String symbol) {
        return symbol.chars().anyMatch(c -> "*/^.()".indexOf(c) >= 0);
    }

    /** The unit the expression means; its symbol is the text as given. */
    static Unit parse(UnitTable table, String symbol) {
        UnitExpression parser = new UnitExpression(table, symbol.strip());
        Factor total = parser.expression();
        parser.skipSpaces();
        if (parser.pos < parser.text.length()) {
            throw new UnitException("unexpected '" + parser.text.charAt(parser.pos) + "' in unit '" + symbol + "'");
        }
        return new Unit(symbol, total.dimension(), total.power(), total.scale(), 0.0);
    }

    /** A named unit spelled out ({@code Millivolt}, {@code umeter}), if the name is one. */
    static Optional<Unit> spelledOut(UnitTable table, String name) {
        return word(table, name).map(f -> new Unit(name, f.dimension(), f.power(), f.scale(), 0.0));
    }

    private record Factor(Dimension dimension, int power, double scale) {
        static final Factor ONE = new Factor(Dimension.NONE, 0, 1.0);

        static Factor of(Unit unit) {
            if (unit.hasOffset()) {
                throw new UnitException("unit '" + unit.symbol() + "' has an offset and cannot be part of a product");
            }
            return new Factor(unit.dimension(), unit.power(), unit.scale());
        }

        Factor times(Factor other) {
            return new Factor(dimension.times(other.dimension), power + other.power, scale * other.scale);
        }

        Factor pow(int exponent) {
            return new Factor(dimension.pow(exponent), power * exponent, Math.pow(scale, exponent));
        }
    }

    private Factor expression() {
        Factor total = power();
        while (true) {
            skipSpaces();
            if (peek("**")) {
                throw error("'**' needs a unit before it");
            }
            if (accept('*') || dotBeforeUnit()) {
                total = total.times(power());
            } else if (accept('/')) {
                total = total.times(power().pow(-1));
            } else {
                return total;
            }
        }
    }

    private Factor power() {
        Factor base = atom();
        skipSpaces();
        if (peek("**")) {
            pos += 2;
            return base.pow(exponent());
        }
        if (accept('^')) {
            return base.pow(exponent());
        }
        return base;
    }

    private int exponent() {
        skipSpaces();
        boolean parenthesised = accept('(');
        skipSpaces();
        int start = pos;
        if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = text.substring(start, pos);
        if (digits.isEmpty() || digits.equals("-") || digits.equals("+") || digits.length() > 4) {
            throw error("expected a whole-number power");
        }
        if (parenthesised) {
            skipSpaces();
            if (!accept(')')) {
                throw error("expected ')' after the power");
            }
        }
        return Integer.parseInt(digits);
    }

    private Factor atom() {
        skipSpaces();
        if (accept('(')) {
            Factor inner = expression();
            skipSpaces();
            if (!accept(')')) {
                throw error("expected ')'");
            }
            return inner;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '\u00b5')) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error("expected a unit name");
        }
        if (name.equals("1")) {
            return Factor.ONE;
        }
        return named(name);
    }

    private Factor named(String name) {
        try {
            return Factor.of(table.resolveName(name));
        } catch (UnitException e) {
            return word(table, name).orElseThrow(() -> unknown(name));
        }
    }

    /** A spelled-out unit: a prefix word or letter, then a unit word, case-insensitively for the words. */
    private static Optional<Factor> word(UnitTable table, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<Factor> bare = base(table, lower);
        if (bare.isPresent()) {
            return bare;
        }
        for (Map.Entry<String, Integer> prefix : PREFIX_WORDS) {
            if (lower.startsWith(prefix.getKey())) {
                Optional<Factor> rest = base(table, lower.substring(prefix.getKey().length()));
                if (rest.isPresent()) {
                    return Optional.of(rest.get().times(new Factor(Dimension.NONE, prefix.getValue(), 1.0)));
                }
            }
        }
        Integer letter = name.isEmpty() ? null : PREFIX_LETTERS.get(name.charAt(0));
        if (letter != null && name.length() > 2) {
            Optional<Factor> rest = base(table, name.substring(1).toLowerCase(Locale.ROOT));
            if (rest.isPresent()) {
                return Optional.of(rest.get().times(new Factor(Dimension.NONE, letter, 1.0)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Factor> base(UnitTable table, String lowerWord) {
        String symbol = WORDS.get(lowerWord);
        return symbol == null ? Optional.empty() : Optional.of(Factor.of(table.resolveName(symbol)));
    }

    private UnitException unknown(String name) {
        return new UnitException("unknown unit '" + name + "'" + (name.equals(text) ? "" : " in '" + text + "'")
                + didYouMean(table, name));
    }

    /** {@code "; did you mean 'X'?"} with the nearest unit symbol or spelled-out name, or empty. */
    static String didYouMean(UnitTable table, String name) {
        List<String> known = new ArrayList<>(WORDS.keySet());
        for (Map.Entry<String, Integer> prefix : PREFIX_WORDS) {
            WORDS.keySet().forEach(word -> known.add(prefix.getKey() + word));
        }
        table.units().forEach(u -> known.add(u.symbol()));
        return NearestName.among(known, name).map(n -> "; did you mean '" + n + "'?").orElse("");
    }

    private UnitException error(String what) {
        return new UnitException(what + " at character " + (pos + 1) + " of unit '" + text + "'");
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean accept(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** pint's product dot ({@code mol.m**-3}), not a decimal point: a name or a parenthesis must follow. */
    private boolean dotBeforeUnit() {
        if (pos + 1 < text.length() && text.charAt(pos) == '.'
                && (Character.isLetter(text.charAt(pos + 1)) || text.charAt(pos + 1) == '(')) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(String s) {
        return text.startsWith(s, pos);
    }
}
