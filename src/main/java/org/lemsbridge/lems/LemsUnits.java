package org.lemsbridge.lems;

import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.QuantityParser;
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
        try {
            if (expectedDimension == null || expectedDimension.equals("*")) {
                return QuantityParser.parse(text, table).si();
            }
            Dimension expected = table.dimension(expectedDimension).orElse(null);
            if (expected == null) {
                throw new BadInputException(where, "unknown dimension '" + expectedDimension + "'",
                        "declare it with <Dimension name=\"" + expectedDimension + "\" .../>");
            }
            return QuantityParser.parse(text, table, expected).si();
        } catch (UnitException e) {
            throw new BadInputException(where, e.getMessage());
        }
    }

    /** The SI unit symbol of a named dimension (V, A, s, ... or 1 for none), for output sidecars. */
    public String siSymbol(String dimensionName) {
        return dimensionName == null ? "1"
                : table.dimension(dimensionName).map(d -> SiSymbols.symbolFor(d.exponents())).orElse("1");
    }
}
