package org.lemsbridge.units;

import java.util.Objects;

/** A number together with the unit it was written in. */
public record Quantity(double number, Unit unit) {

    public Quantity {
        Objects.requireNonNull(unit);
    }

    /** The value in SI units. */
    public double si() {
        return unit.toSi(number);
    }

    public Dimension dimension() {
        return unit.dimension();
    }
}
