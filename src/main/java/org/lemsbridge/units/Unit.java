package org.lemsbridge.units;

import java.util.Objects;

/**
 * A LEMS unit: a value in this unit is {@code ((number + offset) * scale) * 10^power} in SI.
 *
 * @param symbol the name values are written with, e.g. {@code mV}
 * @param dimension what the unit measures
 * @param power the decimal exponent
 * @param scale a further factor (1 for most units; 60 for {@code min})
 * @param offset added before scaling (273.15 for {@code degC})
 */
public record Unit(String symbol, Dimension dimension, int power, double scale, double offset) {

    /** The unit of pure numbers. */
    public static final Unit NONE = new Unit("none", Dimension.NONE, 0, 1.0, 0.0);

    public Unit {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(dimension);
        if (!Double.isFinite(scale) || scale == 0.0) {
            throw new IllegalArgumentException("unit '" + symbol + "' needs a finite non-zero scale, not " + scale);
        }
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("unit '" + symbol + "' needs a finite offset, not " + offset);
        }
    }

    /** A unit with scale 1 and no offset. */
    public static Unit of(String symbol, Dimension dimension, int power) {
        return new Unit(symbol, dimension, power, 1.0, 0.0);
    }

    /** Converts a number in this unit to SI, in exactly jLEMS's order of operations. */
    public double toSi(double number) {
        return ((number + offset) * scale) * Math.pow(10, power);
    }

    /** Converts an SI value to a number in this unit (the inverse of {@link #toSi}). */
    public double fromSi(double si) {
        return si / Math.pow(10, power) / scale - offset;
    }

    /** The factor {@code scale * 10^power} from this unit to SI, ignoring the offset. */
    public double siFactor() {
        return scale * Math.pow(10, power);
    }

    public boolean hasOffset() {
        return offset != 0.0;
    }
}
