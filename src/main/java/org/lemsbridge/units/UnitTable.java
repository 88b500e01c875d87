package org.lemsbridge.units;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Named dimensions and units, in definition order. Immutable: {@link #withDimension}, {@link #withUnit} and their
 * plural forms return copies, so a LEMS document can extend the standard table with its own definitions.
 */
public final class UnitTable {

    private final Map<String, Dimension> dimensions;
    private final Map<String, Unit> units;

    private UnitTable(Map<String, Dimension> dimensions, Map<String, Unit> units) {
        this.dimensions = Collections.unmodifiableMap(dimensions);
        this.units = Collections.unmodifiableMap(units);
    }

    /** A table holding only the dimension {@code none} and the unit {@code none}. */
    public static UnitTable empty() {
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        dimensions.put("none", Dimension.NONE);
        Map<String, Unit> units = new LinkedHashMap<>();
        units.put(Unit.NONE.symbol(), Unit.NONE);
        return new UnitTable(dimensions, units);
    }

    /**
     * Every dimension and unit defined by NeuroML 2's core dimensions file, in its order, preceded by the
     * dimension {@code none} and the unit {@code none} (pure numbers).
     */
    public static UnitTable standard() {
        return StandardHolder.TABLE;
    }

    public Optional<Unit> unit(String symbol) {
        return Optional.ofNullable(units.get(symbol));
    }

    public Optional<Dimension> dimension(String name) {
        return Optional.ofNullable(dimensions.get(name));
    }

    /** The first name this table gives the dimension, if any ({@code none} for {@link Dimension#NONE}). */
    public Optional<String> dimensionName(Dimension dimension) {
        for (Map.Entry<String, Dimension> entry : dimensions.entrySet()) {
            if (entry.getValue().equals(dimension)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    /** Dimensions by name, in definition order. */
    public Map<String, Dimension> dimensions() {
        return dimensions;
    }

    /** Units in definition order. */
    public Collection<Unit> units() {
        return units.values();
    }

    /** A copy with the dimension added (or, if the name exists, replaced in place). */
    public UnitTable withDimension(String name, Dimension dimension) {
        Objects.requireNonNull(name);
        Objects.requireNonNull(dimension);
        return withDimensions(Map.of(name, dimension));
    }

    /** A copy with the dimensions added in {@code added}'s order, each as {@link #withDimension} adds it. */
    public UnitTable withDimensions(Map<String, Dimension> added) {
        Map<String, Dimension> copy = new LinkedHashMap<>(dimensions);
        added.forEach((name, dimension) -> copy.put(Objects.requireNonNull(name), Objects.requireNonNull(dimension)));
        return new UnitTable(copy, new LinkedHashMap<>(units));
    }

    /** A copy with the unit added (or, if the symbol exists, replaced in place). */
    public UnitTable withUnit(Unit unit) {
        Objects.requireNonNull(unit);
        return withUnits(List.of(unit));
    }

    /** A copy with the units added in order, each as {@link #withUnit} adds it. */
    public UnitTable withUnits(List<Unit> added) {
        Map<String, Unit> copy = new LinkedHashMap<>(units);
        for (Unit unit : added) {
            copy.put(unit.symbol(), unit);
        }
        return new UnitTable(new LinkedHashMap<>(dimensions), copy);
    }

    /**
     * The unit for a symbol: a unit of this table, else a TVBO-style compound name ({@code per_ms},
     * {@code mV_per_ms}, {@code uF_per_cm2}, {@code m_per_s2}, {@code kHz}, {@code dimensionless} ...)
     * whose dimension and SI factor are computed from its parts, or a unit expression as TVBO writes them
     * ({@code ms^-1}, {@code mV*ms^-1}, {@code mol.m**-3}, {@code (pC)^-1}, {@code Millivolt}; see
     * {@link UnitExpression}).
     *
     * @throws UnitException when the symbol cannot be understood
     */
    public Unit resolve(String symbol) {
        Objects.requireNonNull(symbol);
        Unit known = units.get(symbol);
        if (known != null) {
            return known;
        }
        if (UnitExpression.looksLikeExpression(symbol)) {
            return UnitExpression.parse(this, symbol);
        }
        try {
            return new CompoundUnitResolver(this).resolve(symbol);
        } catch (UnitException notCompound) {
            Optional<Unit> spelled = UnitExpression.spelledOut(this, symbol.strip());
            if (spelled.isPresent()) {
                return spelled.get();
            }
            boolean wholeNameUnknown = notCompound.getMessage().equals("unknown unit '" + symbol + "'");
            throw wholeNameUnknown
                    ? new UnitException(notCompound.getMessage() + UnitExpression.didYouMean(this, symbol.strip()))
                    : notCompound;
        }
    }

    /** One unit name (no operators): a unit of this table or a TVBO-style compound name. */
    Unit resolveName(String name) {
        Unit known = units.get(name);
        return known != null ? known : new CompoundUnitResolver(this).resolve(name);
    }

    private static final class StandardHolder {
        private static final UnitTable TABLE = build();

        private static UnitTable build() {
            Map<String, Dimension> dimensions = new LinkedHashMap<>();
            dimensions.put("none", Dimension.NONE);
            for (StandardUnits.NamedDimension named : StandardUnits.DIMENSIONS) {
                dimensions.put(named.name(), named.dimension());
            }
            Map<String, Unit> units = new LinkedHashMap<>();
            units.put(Unit.NONE.symbol(), Unit.NONE);
            for (Unit unit : StandardUnits.units(dimensions)) {
                units.put(unit.symbol(), unit);
            }
            return new UnitTable(dimensions, units);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitTable table && dimensions.equals(table.dimensions)
                && units.equals(table.units);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimensions, units);
    }

    @Override
    public String toString() {
        return "UnitTable[" + dimensions.size() + " dimensions, " + units.size() + " units]";
    }
}
