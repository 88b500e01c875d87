package org.lemsbridge.compare;

import java.util.Comparator;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;
import org.lemsbridge.units.UnitTable;

/** Resolves the unit symbols of trace columns ({@code V}, {@code mV}, {@code 1} ...) with the standard table. */
public final class UnitLookup {

    private UnitLookup() {
    }

    public static SiUnit resolve(String symbol) {
        String s = symbol == null ? "" : symbol.trim();
        if (s.isEmpty()) {
            return new SiUnit("", "", Unit.NONE, false, true);
        }
        if (s.equals("1") || s.equals("none") || s.equals("dimensionless")) {
            return new SiUnit(s, "1", Unit.NONE, true, true);
        }
        UnitTable table = UnitTable.standard();
        for (String spelling : new String[] {s, compoundSpelling(s)}) {
            try {
                Unit unit = table.resolve(spelling);
                return new SiUnit(s, siSymbol(table, unit), unit, true, true);
            } catch (UnitException e) {
                // try the next spelling
            }
        }
        return new SiUnit(s, s, new Unit(s, Unit.NONE.dimension(), 0, 1.0, 0.0), true, false);
    }

    /** {@code A/m^2 -> A_per_m2}, the compound form the unit table reads. */
    private static String compoundSpelling(String symbol) {
        return symbol.replace("/", "_per_").replace("^", "").replace(" ", "");
    }

    /** The table's plain SI unit of the same dimension (factor 1, no offset), shortest symbol first. */
    private static String siSymbol(UnitTable table, Unit unit) {
        if (unit.dimension().isNone()) {
            return "1";
        }
        if (unit.siFactor() == 1.0 && !unit.hasOffset()) {
            return unit.symbol();
        }
        return table.units().stream()
                .filter(u -> u.dimension().equals(unit.dimension()) && u.siFactor() == 1.0 && !u.hasOffset())
                .map(Unit::symbol)
                .min(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()))
                .orElse(unit.dimension().describe());
    }
}
