package org.lemsbridge.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.SimulationBlock;

/**
 * A LEMS {@code <Display>} as the Simulation declares it: which Lines it draws and how.
 *
 * @param id        the Display's id (its recorded data is {@code ID.dat})
 * @param title     its title, or the id when it has none
 * @param xRange    {@code xmin..xmax} in time divided by the time scale, or null when not given
 * @param yRange    {@code ymin..ymax} in the Lines' scaled units, or null when not given
 * @param timeScale the Display's time scale in seconds (1e-3 for {@code 1ms})
 * @param timeUnit  the time scale as written, as a unit label ({@code ms})
 * @param lines     the Lines, in order
 */
public record DisplaySpec(String id, String title, Range xRange, Range yRange, double timeScale, String timeUnit,
                          List<LineSpec> lines) {

    private static final Pattern SCALED = Pattern.compile(
            "\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

    public DisplaySpec {
        lines = List.copyOf(lines);
    }

    /**
     * One {@code <Line>}.
     *
     * @param id        its id (the legend entry)
     * @param quantity  the quantity path it draws
     * @param scale     the SI value it divides the quantity by ({@code 1mV}: 0.001)
     * @param scaleText the scale as written ({@code 1mV}), or empty
     * @param timeScale the time scale in seconds (its own, else the Display's)
     * @param color     its colour as written ({@code #ee40FF}), or empty
     */
    public record LineSpec(String id, String quantity, double scale, String scaleText, double timeScale,
                           String color) {
    }

    /** Every Display of the model's target Simulation, in document order. */
    public static List<DisplaySpec> of(LemsModel model) {
        Optional<Component> simulation = model.targetSimulation();
        List<DisplaySpec> displays = new ArrayList<>();
        if (simulation.isEmpty()) {
            return displays;
        }
        for (Component child : simulation.get().children()) {
            for (SimulationBlock.DataDisplay display : child.type().simulation().dataDisplays()) {
                displays.add(read(child, display));
            }
        }
        return displays;
    }

    private static DisplaySpec read(Component display, SimulationBlock.DataDisplay declared) {
        String id = display.id() == null ? "display" : display.id();
        String title = declared.title() == null ? null : text(display, declared.title());
        double timeScale = display.value("timeScale").filter(v -> v > 0).orElse(1.0);
        String timeUnit = unitLabel(text(display, "timeScale"), "s");
        Range xRange = null;
        Range yRange = null;
        if (declared.dataRegion() != null) {
            String[] names = declared.dataRegion().split(",");
            if (names.length == 4) {
                xRange = range(display, names[0].trim(), names[1].trim());
                yRange = range(display, names[2].trim(), names[3].trim());
            }
        }
        List<LineSpec> lines = new ArrayList<>();
        for (Component line : display.children()) {
            for (SimulationBlock.Record record : line.type().simulation().records()) {
                String quantity = text(line, record.quantity());
                double scale = record.scale() == null ? 1.0
                        : line.value(record.scale()).filter(v -> v != 0 && Double.isFinite(v)).orElse(1.0);
                double lineTime = record.timeScale() == null ? timeScale
                        : line.value(record.timeScale()).filter(v -> v > 0).orElse(timeScale);
                lines.add(new LineSpec(line.id() == null ? quantity : line.id(), quantity, scale,
                        record.scale() == null ? "" : text(line, record.scale()),
                        lineTime, record.color() == null ? "" : text(line, record.color())));
            }
        }
        return new DisplaySpec(id, title == null || title.isBlank() ? id : title, xRange, yRange, timeScale, timeUnit,
                lines);
    }

    private static Range range(Component display, String min, String max) {
        Optional<Double> low = display.value(min);
        Optional<Double> high = display.value(max);
        return low.isPresent() && high.isPresent() && low.get() < high.get() && Double.isFinite(high.get())
                ? new Range(low.get(), high.get()) : null;
    }

    private static String text(Component component, String name) {
        return component.textOrAttribute(name).orElse("");
    }

    /**
     * The unit a scale such as {@code 1mV} stands for on an axis: {@code mV}; {@code 0.1V} gives {@code 0.1 V}; a
     * plain number k over a quantity in {@code siUnit} gives {@code siUnit} (k = 1), a prefixed unit (k = 0.001 for
     * V gives mV), else {@code k siUnit}.
     */
    static String unitLabel(String scaleText, String siUnit) {
        Matcher m = SCALED.matcher(scaleText == null ? "" : scaleText);
        String si = siUnit == null || siUnit.isEmpty() ? "" : siUnit.equals("1") ? AxisUnit.DIMENSIONLESS : siUnit;
        if (!m.matches()) {
            return si;
        }
        double number = Double.parseDouble(m.group(1));
        String symbol = m.group(2);
        if (!symbol.isEmpty()) {
            return number == 1 ? symbol : m.group(1) + " " + symbol;
        }
        if (number == 1 || si.isEmpty()) {
            return si;
        }
        AxisUnit prefixed = AxisUnit.choose(number, siUnit);
        if (!si.equals(AxisUnit.DIMENSIONLESS) && Math.abs(prefixed.factor() * number - 1) < 1e-9) {
            return prefixed.label();
        }
        return m.group(1) + " " + si;
    }
}
