package org.lemsbridge.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.trace.EventFile;
import org.lemsbridge.trace.Trace;

/** Figures of what a simulation recorded: a LEMS Display, an OutputFile's columns, an EventOutputFile's spikes. */
public final class SimulationFigures {

    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;

    private SimulationFigures() {
    }

    /**
     * The Display as jLEMS would draw it: each Line's quantity divided by its scale against time divided by its time
     * scale, in its colour, over the Display's x and y ranges, with the Line ids in the legend. {@code data} holds the
     * Display's lines as columns, in order (as {@code simulate --displays} writes them).
     */
    public static Figure display(DisplaySpec display, Trace data) {
        if (data.columnCount() != display.lines().size()) {
            throw new IllegalArgumentException("display " + display.id() + " has " + display.lines().size()
                    + " lines but its data has " + data.columnCount() + " columns");
        }
        double[] time = data.time();
        List<String> units = new ArrayList<>();
        for (int i = 0; i < display.lines().size(); i++) {
            DisplaySpec.LineSpec line = display.lines().get(i);
            units.add(DisplaySpec.unitLabel(line.scaleText(), data.column(i).unit()));
        }
        boolean oneUnit = new LinkedHashSet<>(units).size() <= 1;
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < display.lines().size(); i++) {
            DisplaySpec.LineSpec line = display.lines().get(i);
            double[] x = new double[time.length];
            double[] y = data.values(i);
            for (int r = 0; r < time.length; r++) {
                x[r] = time[r] / line.timeScale();
                y[r] = y[r] / line.scale();
            }
            Color color = Colors.parse(line.color()).orElse(Colors.palette(i));
            String label = oneUnit || units.get(i).isEmpty() ? line.id() : line.id() + " (" + units.get(i) + ")";
            series.add(Series.line(label, x, y, color, 1.6f));
        }
        String yTitle = oneUnit ? singleUnitTitle(display, units.isEmpty() ? "" : units.get(0))
                : mixedUnits(display, units);
        Panel panel = Panel.of("t (" + display.timeUnit() + ")", yTitle, display.xRange(), display.yRange(), series);
        return new Figure(display.title(), List.of(panel), WIDTH, HEIGHT);
    }

    /** {@code v (mV)} when every line draws a v; {@code V, W (dimensionless)} for up to three names; else the unit. */
    private static String singleUnitTitle(DisplaySpec display, String unit) {
        Set<String> names = new LinkedHashSet<>();
        display.lines().forEach(line -> names.add(line.quantity().substring(line.quantity().lastIndexOf('/') + 1)));
        if (names.isEmpty() || names.size() > 3) {
            return unit;
        }
        return unit.isEmpty() ? String.join(", ", names) : String.join(", ", names) + " (" + unit + ")";
    }

    private static String mixedUnits(DisplaySpec display, List<String> units) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            byUnit.computeIfAbsent(units.get(i).isEmpty() ? "?" : units.get(i), u -> new ArrayList<>())
                    .add(display.lines().get(i).id());
        }
        List<String> parts = new ArrayList<>();
        byUnit.forEach((unit, ids) -> parts.add(String.join(", ", ids)
                + (unit.equals(AxisUnit.DIMENSIONLESS) ? " " : " in ") + unit));
        return String.join("; ", parts);
    }

    /** An OutputFile's columns against time, one panel per unit, each column in the legend by its id. */
    public static Figure outputFile(String title, Trace data) {
        return TraceFigures.byUnit(title, TraceFigures.curves(data, "", column -> true), WIDTH, HEIGHT);
    }

    /**
     * A raster of an EventOutputFile: one row per EventSelection id ({@code ids} first, in order, then any other id
     * the file holds), a tick at each event's time, from 0 to {@code length} seconds.
     */
    public static Figure raster(String title, List<String> ids, EventFile events, double length) {
        Set<String> rows = new LinkedHashSet<>(ids);
        events.events().forEach(e -> rows.add(e.id()));
        List<String> labels = List.copyOf(rows);
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            rowOf.put(labels.get(i), i);
        }
        AxisUnit timeUnit = AxisUnit.choose(length, "s");
        double[] x = new double[events.events().size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = timeUnit.display(events.events().get(i).time());
            y[i] = rowOf.get(events.events().get(i).id());
        }
        Series ticks = new Series(null, x, y, Series.Style.EVENTS, new Color(0x22, 0x22, 0x22), 1.5f);
        Range xRange = length > 0 ? new Range(0, timeUnit.display(length)) : null;
        Panel panel = Panel.of(timeUnit.title("t"), "EventSelection id", xRange, null, List.of(ticks))
                .withYLabels(labels.isEmpty() ? List.of("(none)") : labels);
        if (x.length == 0) {
            panel = panel.withNotes(List.of("no events"));
        }
        int height = Math.max(300, Math.min(HEIGHT, 120 + 28 * labels.size()));
        return new Figure(title + " (" + x.length + " events)", List.of(panel), WIDTH, height);
    }
}
