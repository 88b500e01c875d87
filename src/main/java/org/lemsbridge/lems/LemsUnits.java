package org.lemsbridge.lems;

import java.util.List;
import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.QuantityParser;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;
import org.lemsbridge.units.UnitTable;

/**
 * The units a document can use: the standard table plus the document's own Dimension and Unit elements, and
 * jLEMS's conversion of a value such as {@code -70mV} to SI.
 */
public record LemsUnits(UnitTable table) {

    public Optional<Dimension> dimension(String name) {
        return table.dimension(name);
    }

    /**
     * Converts a value string to SI. {@code expectedDimension} is a Dimension name, {@code *} for any, or null when
     * unknown (no check).
     */
    public double toSi(String text, String expectedDimension, SourceLocation where) {
        Dimension expected = null;
        try {
            if (expectedDimension == null || expectedDimension.equals("*")) {
                return QuantityParser.parse(text, table).si();
            }
            expected = table.dimension(expectedDimension).orElse(null);
            if (expected == null) {
                throw new BadInputException(where, "unknown dimension '" + expectedDimension + "'",
                        "declare it with <Dimension name=\"" + expectedDimension + "\" .../>");
            }
            return QuantityParser.parse(text, table, expected).si();
        } catch (UnitException e) {
            throw new BadInputException(where, e.getMessage(), hint(e, expected));
        }
    }

    /** For an unknown symbol, the closest one (of the expected dimension, when there is one). */
    private String hint(UnitException problem, Dimension expected) {
        if (problem.unknownSymbol().isEmpty()) {
            return expected == null ? null : "use a unit of " + expected.describe();
        }
        List<String> symbols = table.units().stream().filter(u -> expected == null || u.dimension().equals(expected))
                .map(Unit::symbol).toList();
        return NearestName.among(symbols, problem.unknownSymbol().get()).map(s -> "did you mean '" + s + "'?")
                .orElse(null);
    }

    /** The SI unit symbol of a named dimension (V, A, s, ... or 1 for none), for output sidecars. */
    public String siSymbol(String dimensionName) {
        return dimensionName == null ? "1"
                : table.dimension(dimensionName).map(d -> SiSymbols.symbolFor(d.exponents())).orElse("1");
    }
}
