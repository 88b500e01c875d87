package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;
import org.lemsbridge.units.UnitTable;

/**
 * A LEMS value as the experiment YAML writes it: a number and a unit symbol ({@code null} for a plain number),
 * chosen so that the renderer's {@code number + unit} text converts back to exactly the SI double jLEMS used. The
 * symbol is always one the YAML reads ({@link UnitTable#standard()}): a unit the document defines under another
 * name (a rendered TVBO unit, {@code ms^-1} as {@code <Unit symbol="ms__1">}) is written as the standard unit with
 * the same conversion ({@code per_ms}), else the value is written in SI.
 */
record ImportedQuantity(double value, String unit) {

    private static final Pattern NUMBER_AND_UNIT =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*");

    /**
     * The value as the LEMS text wrote it (e.g. {@code -70mV} gives -70 mV) when that converts to {@code si}
     * exactly, otherwise {@code si} in the SI unit of {@code dimension}.
     */
    static ImportedQuantity of(String text, double si, Dimension dimension, UnitTable table) {
        if (text != null) {
            Matcher m = NUMBER_AND_UNIT.matcher(text);
            if (m.matches()) {
                double number = Double.parseDouble(m.group(1));
                String symbol = m.group(2);
                if (symbol == null) {
                    if (dimension.isNone() && number == si) {
                        return new ImportedQuantity(number, null);
                    }
                } else {
                    Optional<Unit> unit = known(symbol, table);
                    if (unit.isPresent() && unit.get().dimension().equals(dimension)
                            && Double.compare(unit.get().toSi(number), si) == 0) {
                        if (unit.get().dimension().isNone()) {
                            return new ImportedQuantity(number, null);
                        }
                        Optional<String> readable = readableSymbol(symbol, unit.get());
                        if (readable.isPresent()) {
                            return new ImportedQuantity(number, readable.get());
                        }
                    }
                }
            }
        }
        return inSi(si, dimension, table);
    }

    /** {@code si} with the SI unit of {@code dimension} (power 0, scale 1, so the conversion is the identity). */
    static ImportedQuantity inSi(double si, Dimension dimension, UnitTable table) {
        return new ImportedQuantity(si, siUnit(dimension, table));
    }

    /** The symbol of a unit of {@code dimension} with factor 1 and no offset, or null for dimensionless. */
    static String siUnit(Dimension dimension, UnitTable table) {
        if (dimension.isNone()) {
            return null;
        }
        for (Unit unit : table.units()) {
            if (unit.dimension().equals(dimension) && unit.power() == 0 && unit.scale() == 1.0
                    && unit.offset() == 0.0 && readableSymbol(unit.symbol(), unit).isPresent()) {
                return readableSymbol(unit.symbol(), unit).get();
            }
        }
        String compound = compoundSymbol(dimension);
        Optional<Unit> unit = known(compound, UnitTable.standard());
        if (unit.isPresent() && unit.get().dimension().equals(dimension) && unit.get().siFactor() == 1.0
                && unit.get().offset() == 0.0) {
            return compound;
        }
        throw new IllegalArgumentException("no SI unit of dimension " + dimension.describe());
    }

    /** The SI base units of a dimension written as a compound name, e.g. {@code kg_m2_per_s3_per_A}. */
    private static String compoundSymbol(Dimension dimension) {
        String[] base = {"kg", "m", "s", "A", "K", "mol", "cd"};
        int[] exponents = dimension.exponents();
        List<String> parts = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < base.length; i++) {
                int e = exponents[i];
                if (pass == 0 && e > 0) {
                    parts.add(base[i] + (e == 1 ? "" : Integer.toString(e)));
                } else if (pass == 1 && e < 0) {
                    parts.add("per_" + base[i] + (e == -1 ? "" : Integer.toString(-e)));
                }
            }
        }
        return String.join("_", parts);
    }

    /**
     * {@code symbol} when the YAML reads it as {@code unit}, else the first standard symbol converting exactly as
     * {@code unit} does, else empty.
     */
    private static Optional<String> readableSymbol(String symbol, Unit unit) {
        Optional<Unit> asRead = known(symbol, UnitTable.standard());
        if (asRead.isPresent() && sameConversion(asRead.get(), unit)) {
            return Optional.of(symbol);
        }
        return UnitTable.standard().units().stream().filter(u -> sameConversion(u, unit)).map(Unit::symbol)
                .findFirst();
    }

    private static boolean sameConversion(Unit a, Unit b) {
        return a.dimension().equals(b.dimension()) && a.power() == b.power() && a.scale() == b.scale()
                && a.offset() == b.offset();
    }

    private static Optional<Unit> known(String symbol, UnitTable table) {
        try {
            return Optional.of(table.resolve(symbol));
        } catch (UnitException e) {
            return Optional.empty();
        }
    }
}
