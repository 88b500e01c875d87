package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.write.LemsView.Attribute;
import org.lemsbridge.lems.write.LemsView.DimensionDef;
import org.lemsbridge.lems.write.LemsView.UnitDef;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;
import org.lemsbridge.units.UnitTable;

/**
 * Resolves the user's unit names and remembers every Dimension and Unit the document uses, so that it can define
 * them all inline. A unit outside the standard table gets its own Unit element, never an undefined suffix.
 */
final class UnitCatalog {
    static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    private final UnitTable table;
    private final Map<Dimension, String> dimensionNames = new LinkedHashMap<>();
    private final Map<String, UnitDef> units = new LinkedHashMap<>();

    UnitCatalog(UnitTable table) {
        this.table = table;
        dimensionName(Dimension.NONE);
        dimensionName(TIME);
    }

    /** The unit the user named ({@code null} or blank: dimensionless). */
    Unit resolve(String unit, SourceLocation where, String whose) {
        if (unit == null || unit.isBlank()) {
            return Unit.NONE;
        }
        try {
            return table.resolve(unit.trim());
        } catch (UnitException e) {
            throw new BadInputException(where, "unknown unit '" + unit + "' of " + whose + ": " + e.getMessage());
        }
    }

    /** A unit of {@code d} with factor 1 to SI: the table's first such unit, else one named after the dimension. */
    Unit siUnit(Dimension d) {
        for (Unit unit : table.units()) {
            if (unit.dimension().equals(d) && unit.power() == 0 && unit.scale() == 1.0 && unit.offset() == 0.0) {
                return unit;
            }
        }
        return Unit.of(inventedName(d) + "_SI", d, 0);
    }

    /** The name the document uses for {@code d}; the Dimension element is written. */
    String dimensionName(Dimension d) {
        return dimensionNames.computeIfAbsent(d, dim -> dim.isNone() ? "none" : table.dimensionName(dim).orElseGet(() -> inventedName(dim)));
    }

    /** A value with its unit as LEMS reads it, e.g. {@code 20.0ms}; the Unit element is written when needed. */
    String quantity(double value, Unit unit, SourceLocation where, String whose) {
        if (!Double.isFinite(value)) {
            throw new BadInputException(where, "the value of " + whose + " is not a finite number");
        }
        String number = Double.toString(value);
        if (isPlainNumber(unit)) {
            return number;
        }
        return number + symbolFor(unit);
    }

    private static boolean isPlainNumber(Unit unit) {
        return unit.dimension().isNone() && unit.power() == 0 && unit.scale() == 1.0 && unit.offset() == 0.0;
    }

    private String symbolFor(Unit unit) {
        String symbol = lemsSymbol(unit.symbol());
        units.computeIfAbsent(symbol, s -> new UnitDef(s, dimensionName(unit.dimension()),
                Integer.toString(unit.power()),
                unit.scale() == 1.0 ? null : Double.toString(unit.scale()),
                unit.offset() == 0.0 ? null : Double.toString(unit.offset())));
        return symbol;
    }

    /** A symbol jLEMS can split from the number: starts with a letter, then letters, digits or {@code _}. */
    private static String lemsSymbol(String symbol) {
        String safe = SafeId.of(symbol);
        return Character.isLetter(safe.charAt(0)) ? safe : "u" + safe;
    }

    private static String inventedName(Dimension d) {
        String[] names = {"m", "l", "t", "i", "k", "n", "j"};
        int[] exps = {d.m(), d.l(), d.t(), d.i(), d.k(), d.n(), d.j()};
        StringBuilder name = new StringBuilder("dim");
        for (int x = 0; x < exps.length; x++) {
            if (exps[x] != 0) {
                name.append('_').append(names[x]).append(exps[x] < 0 ? "m" + (-exps[x]) : Integer.toString(exps[x]));
            }
        }
        return name.toString();
    }

    List<DimensionDef> dimensionDefs() {
        List<DimensionDef> defs = new ArrayList<>();
        String[] names = {"m", "l", "t", "i", "k", "n", "j"};
        dimensionNames.forEach((d, name) -> {
            int[] exps = {d.m(), d.l(), d.t(), d.i(), d.k(), d.n(), d.j()};
            List<Attribute> nonZero = new ArrayList<>();
            for (int x = 0; x < exps.length; x++) {
                if (exps[x] != 0) {
                    nonZero.add(new Attribute(names[x], Integer.toString(exps[x])));
                }
            }
            defs.add(new DimensionDef(name, nonZero));
        });
        return defs;
    }

    List<UnitDef> unitDefs() {
        return List.copyOf(units.values());
    }
}
