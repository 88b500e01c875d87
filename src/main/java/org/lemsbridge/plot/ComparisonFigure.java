package org.lemsbridge.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.compare.AlignedColumn;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Numbers;
import org.lemsbridge.compare.SpikeComparison;
import org.lemsbridge.compare.SpikeTrain;

/**
 * One compared column as a picture. Top: the reference as a wide pale band with the candidate as a thin dark line
 * on top, so exact agreement shows both (a thin line inside a band) and any difference shows as the line leaving the
 * band; spikes, on membrane potentials only, as circles (reference) and crosses (candidate). Bottom, on the same time
 * axis: the residual candidate - reference, on a symmetric range (a residual that is zero everywhere is said so).
 */
public final class ComparisonFigure {

    public static final Color REFERENCE = new Color(0x1f, 0x5f, 0xbf);
    public static final Color CANDIDATE = new Color(0xc0, 0x39, 0x00);
    static final Color RESIDUAL = new Color(0x6a, 0x1b, 0x9a);

    private ComparisonFigure() {
    }

    public static Figure of(AlignedColumn column, int width, int height) {
        ColumnComparison result = column.result();
        double[] time = column.time();
        double[] residual = new double[time.length];
        double maxAbs = 0;
        double maxResidual = 0;
        for (int i = 0; i < time.length; i++) {
            residual[i] = column.candidate()[i] - column.reference()[i];
            maxAbs = Math.max(maxAbs, Math.max(abs(column.reference()[i]), abs(column.candidate()[i])));
            maxResidual = Math.max(maxResidual, abs(residual[i]));
        }
        AxisUnit timeUnit = AxisUnit.choose(time.length == 0 ? 0 : Math.max(abs(time[0]), abs(time[time.length - 1])),
                "s");
        AxisUnit valueUnit = AxisUnit.choose(maxAbs, result.unit());
        AxisUnit residualUnit = maxResidual > 0 ? AxisUnit.choose(maxResidual, result.unit()) : valueUnit;
        double[] t = timeUnit.display(time);
        Range xRange = t.length > 1 && t[t.length - 1] > t[0] ? new Range(t[0], t[t.length - 1]) : null;
        String xTitle = timeUnit.title("t");

        List<Series> top = new ArrayList<>();
        top.add(Series.line("reference " + result.quantity(), t, valueUnit.display(column.reference()),
                Colors.pale(REFERENCE, 0.35), 6f));
        top.add(Series.line("candidate " + result.candidate().quantity(), t, valueUnit.display(column.candidate()),
                CANDIDATE, 1.3f));
        SpikeComparison spikes = result.spikes();
        String heading = "";
        if (spikes != null) {
            top.add(markers("reference spikes", spikes.reference(), timeUnit, valueUnit, Series.Style.CIRCLES,
                    REFERENCE, xRange));
            top.add(markers("candidate spikes", spikes.candidate(), timeUnit, valueUnit, Series.Style.CROSSES,
                    CANDIDATE, xRange));
            heading = spikeHeading(spikes, result.unit(), timeUnit);
        }
        Panel values = new Panel(heading, xTitle, valueUnit.title(result.reference().lastSegment()), xRange, null,
                List.of(), top, List.of(), 0.64);

        Range residualRange = maxResidual > 0
                ? new Range(-1.15 * residualUnit.display(maxResidual), 1.15 * residualUnit.display(maxResidual))
                : new Range(-1, 1);
        List<String> notes = maxResidual > 0 ? List.of()
                : List.of("Δ = 0 at every compared sample: candidate and reference are identical");
        Panel difference = new Panel("residual: candidate − reference (verdict: " + result.tier().label() + ")",
                xTitle, residualUnit.title("Δ"), xRange, residualRange, List.of(),
                List.of(Series.line(null, t, residualUnit.display(residual), RESIDUAL, 1f)), notes, 0.36);
        return new Figure(result.quantity(), List.of(values, difference), width, height);
    }

    private static String spikeHeading(SpikeComparison spikes, String unit, AxisUnit timeUnit) {
        String counts = "spikes, reference/candidate: " + spikes.reference().count() + "/"
                + spikes.candidate().count();
        String divergence = spikes.identical() ? ", identical"
                : ", first divergent #" + (spikes.firstDivergentIndex() + 1) + " at "
                + time(spikes.firstDivergentRefTime(), timeUnit) + " vs " + time(spikes.firstDivergentCandTime(), timeUnit);
        return counts + divergence + "; found as " + spikes.reference().rule().describe(unit);
    }

    private static String time(double seconds, AxisUnit timeUnit) {
        return Double.isNaN(seconds) ? "none" : Numbers.format(timeUnit.display(seconds)) + " " + timeUnit.label();
    }

    private static Series markers(String label, SpikeTrain train, AxisUnit timeUnit, AxisUnit valueUnit,
                                  Series.Style style, Color color, Range xRange) {
        double level = valueUnit.display(train.rule().markerLevel());
        List<Double> xs = new ArrayList<>();
        for (double time : train.times()) {
            double x = timeUnit.display(time);
            if (xRange == null || xRange.contains(x)) {
                xs.add(x);
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = new double[x.length];
        java.util.Arrays.fill(y, level);
        return new Series(label + " (" + x.length + ")", x, y, style, color, 1.2f);
    }

    private static double abs(double value) {
        return Double.isFinite(value) ? Math.abs(value) : 0;
    }
}
