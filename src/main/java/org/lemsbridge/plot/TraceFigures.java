package org.lemsbridge.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.lemsbridge.compare.SiUnit;
import org.lemsbridge.compare.UnitLookup;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;

/** Trace columns against time, one panel per unit, stacked on one time axis. */
public final class TraceFigures {

    private TraceFigures() {
    }

    /**
     * One column ready to draw: its legend entry, time in seconds and values in SI.
     *
     * @param unit the SI symbol of the values ({@code 1} dimensionless, empty when unknown)
     */
    public record Curve(String label, String name, double[] time, double[] values, String unit) {
    }

    /**
     * The selected columns of {@code trace} converted to SI, each labelled {@code prefix + column} (the column's id,
     * or its quantity path when the id is only a position or is not unique).
     */
    public static List<Curve> curves(Trace trace, String prefix, Predicate<Column> selected) {
        SiUnit timeUnit = UnitLookup.resolve(trace.timeColumn().unit());
        double[] time = trace.time();
        if (timeUnit.known() && timeUnit.resolved()) {
            for (int r = 0; r < time.length; r++) {
                time[r] = timeUnit.toSi(time[r]);
            }
        }
        List<Curve> curves = new ArrayList<>();
        for (int i = 0; i < trace.columnCount(); i++) {
            Column column = trace.column(i);
            if (!selected.test(column)) {
                continue;
            }
            SiUnit unit = UnitLookup.resolve(column.unit());
            double[] values = trace.values(i);
            String si = column.unit();
            if (unit.known() && unit.resolved()) {
                for (int r = 0; r < values.length; r++) {
                    values[r] = unit.toSi(values[r]);
                }
                si = unit.siSymbol();
            }
            curves.add(new Curve(prefix + label(trace, column), column.lastSegment(), time, values, si));
        }
        return curves;
    }

    private static String label(Trace trace, Column column) {
        long sameName = trace.columns().stream().filter(c -> c.name().equals(column.name())).count();
        return sameName > 1 || column.isPositional() ? column.quantity() : column.name();
    }

    /** The curves, one panel per unit in order of first appearance, all on one time axis. */
    public static Figure byUnit(String title, List<Curve> curves, int width, int height) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (Curve curve : curves) {
            if (curve.time().length > 0) {
                first = Math.min(first, curve.time()[0]);
                last = Math.max(last, curve.time()[curve.time().length - 1]);
            }
        }
        AxisUnit timeUnit = AxisUnit.choose(Double.isFinite(last) ? Math.max(Math.abs(first), Math.abs(last)) : 0,
                "s");
        Range xRange = last > first ? new Range(timeUnit.display(first), timeUnit.display(last)) : null;
        Map<String, List<Curve>> byUnit = new LinkedHashMap<>();
        curves.forEach(curve -> byUnit.computeIfAbsent(curve.unit(), u -> new ArrayList<>()).add(curve));
        List<Panel> panels = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, List<Curve>> group : byUnit.entrySet()) {
            double maxAbs = 0;
            for (Curve curve : group.getValue()) {
                for (double value : curve.values()) {
                    if (Double.isFinite(value)) {
                        maxAbs = Math.max(maxAbs, Math.abs(value));
                    }
                }
            }
            AxisUnit unit = AxisUnit.choose(maxAbs, group.getKey());
            List<Series> series = new ArrayList<>();
            for (Curve curve : group.getValue()) {
                series.add(Series.line(curve.label(), timeUnit.display(curve.time()), unit.display(curve.values()),
                        Colors.palette(colour++), 1.5f));
            }
            List<String> names = group.getValue().stream().map(Curve::name).distinct().toList();
            String name = names.size() <= 3 ? String.join(", ", names) : "";
            String yTitle = name.isEmpty() ? (unit.label().isEmpty() ? "unit unknown" : unit.label())
                    : unit.title(name);
            panels.add(Panel.of(timeUnit.title("t"), yTitle, xRange, null, series));
        }
        if (panels.isEmpty()) {
            panels.add(Panel.of(timeUnit.title("t"), "", xRange, null, List.of())
                    .withNotes(List.of("no columns to draw")));
        }
        return new Figure(title, panels, width, Math.max(height, 260 * panels.size()));
    }
}
