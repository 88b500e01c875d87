package org.lemsbridge.compare;

import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitTable;

/**
 * A column's unit as comparison needs it.
 *
 * @param symbol   the symbol as written ({@code mV}); empty when the file names no unit
 * @param siSymbol the SI unit of the same dimension ({@code V}), {@code 1} when dimensionless
 * @param unit     the resolved unit ({@link Unit#NONE} when dimensionless or unknown)
 * @param known    false when the file named no unit
 * @param resolved false for a symbol the unit table does not know: such a column is compared as written, and
 *                 only with a column whose unit is spelled the same
 */
public record SiUnit(String symbol, String siSymbol, Unit unit, boolean known, boolean resolved) {

    public double toSi(double value) {
        return unit.toSi(value);
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    public boolean dimensionless() {
        return resolved && unit.dimension().isNone();
    }

    public boolean sameDimension(SiUnit other) {
        if (!resolved || !other.resolved) {
            return symbol.equals(other.symbol);
        }
        return dimension().equals(other.dimension());
    }

    /** True when values need no conversion to reach SI. */
    public boolean isSi() {
        return unit.siFactor() == 1.0 && !unit.hasOffset();
    }

    /** {@code voltage}, {@code dimensionless}, or the exponents when the dimension has no name. */
    public String dimensionName() {
        if (!resolved) {
            return "unknown to the unit table";
        }
        if (dimensionless()) {
            return "dimensionless";
        }
        return UnitTable.standard().dimensionName(unit.dimension()).orElse(unit.dimension().describe());
    }
}
