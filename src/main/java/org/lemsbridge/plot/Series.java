package org.lemsbridge.plot;

import java.awt.Color;
import java.util.Objects;

/**
 * One set of points in a panel. The arrays belong to the series (callers hand over fresh arrays and do not change
 * them); NaN or infinite points break a line and are left out otherwise.
 *
 * @param label  the legend entry, or null for none
 * @param x      x values in the panel's display units
 * @param y      y values in the panel's display units, as many as x
 * @param style  how the points are drawn
 * @param color  the colour
 * @param width  line width in pixels (markers scale with it)
 */
public record Series(String label, double[] x, double[] y, Style style, Color color, float width) {

    /** How a series is drawn. */
    public enum Style {
        /** A polyline through the points in order. */
        LINE,
        /** A hollow circle at each point. */
        CIRCLES,
        /** A cross at each point. */
        CROSSES,
        /** A short vertical bar centred on each point, one y unit apart (raster plots). */
        EVENTS
    }

    public Series {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(color, "color");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + label + "' has " + x.length + " x values but " + y.length
                    + " y values");
        }
        if (!(width > 0)) {
            throw new IllegalArgumentException("series width must be positive, got " + width);
        }
    }

    public static Series line(String label, double[] x, double[] y, Color color, float width) {
        return new Series(label, x, y, Style.LINE, color, width);
    }

    public int size() {
        return x.length;
    }
}
