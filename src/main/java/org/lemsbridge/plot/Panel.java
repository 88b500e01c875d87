package org.lemsbridge.plot;

import java.util.List;

/**
 * One plot area with its axes. Panels of a figure are stacked and share their left and right edges, so panels with
 * the same x range line up sample for sample.
 *
 * @param title   a small heading above the plot area, or empty
 * @param xTitle  the x axis title (with its unit), printed under the bottom panel and under panels whose x title
 *                differs from the next one's
 * @param yTitle  the y axis title (with its unit)
 * @param xRange  the x range, or null to cover the data
 * @param yRange  the y range, or null to cover the data (with a margin)
 * @param yLabels labels for integer y positions (raster rows, 0 = bottom), or empty for numeric ticks
 * @param series  what is drawn, in order (later on top)
 * @param notes   lines printed in the middle of the plot area (say, that a residual is zero everywhere)
 * @param weight  the panel's share of the figure's height relative to the other panels
 */
public record Panel(String title, String xTitle, String yTitle, Range xRange, Range yRange, List<String> yLabels,
                    List<Series> series, List<String> notes, double weight) {

    public Panel {
        title = title == null ? "" : title;
        yLabels = List.copyOf(yLabels);
        series = List.copyOf(series);
        notes = List.copyOf(notes);
        if (!(weight > 0)) {
            throw new IllegalArgumentException("panel weight must be positive, got " + weight);
        }
    }

    /** A panel of series with numeric axes and no heading or notes. */
    public static Panel of(String xTitle, String yTitle, Range xRange, Range yRange, List<Series> series) {
        return new Panel("", xTitle, yTitle, xRange, yRange, List.of(), series, List.of(), 1.0);
    }

    public Panel withNotes(List<String> lines) {
        return new Panel(title, xTitle, yTitle, xRange, yRange, yLabels, series, lines, weight);
    }

    public Panel withYLabels(List<String> labels) {
        return new Panel(title, xTitle, yTitle, xRange, yRange, labels, series, notes, weight);
    }

    /** The x range to draw: the given one, or the data's exact extent. */
    Range effectiveXRange() {
        return xRange != null ? xRange : Range.covering(series.stream().map(Series::x).toList(), 0.0);
    }

    /** The y range to draw: the given one, the raster rows, or the data's extent with a 5 % margin. */
    Range effectiveYRange() {
        if (yRange != null) {
            return yRange;
        }
        if (!yLabels.isEmpty()) {
            return new Range(-0.75, yLabels.size() - 0.25);
        }
        return Range.covering(series.stream().map(Series::y).toList(), 0.05);
    }
}
