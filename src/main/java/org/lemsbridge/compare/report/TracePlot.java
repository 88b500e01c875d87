package org.lemsbridge.compare.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lemsbridge.compare.AlignedColumn;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.SpikeTrain;
import org.lemsbridge.trace.AtomicFiles;

/**
 * A PNG of one compared column, drawn headless with XChart: reference and candidate overlaid (spikes marked) on top,
 * the residual {@code cand - ref} below; the title is the quantity, axes carry units.
 */
public final class TracePlot {

    /** Long traces are reduced to the min and max of each of this many buckets: the drawing looks the same. */
    private static final int BUCKETS = 2000;
    private static final Color REFERENCE = new Color(0x1f, 0x3b, 0x8c);
    private static final Color CANDIDATE = new Color(0xe0, 0x6c, 0x00);
    private static final Color RESIDUAL = new Color(0x6a, 0x1b, 0x9a);

    private TracePlot() {
    }

    /** Writes the plot to {@code png} (through a temporary file), {@code width} x {@code height} pixels. */
    public static void write(Path png, AlignedColumn column, int width, int height) throws IOException {
        BufferedImage image = render(column, width, height);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.writeBytes(png, bytes.toByteArray());
    }

    public static BufferedImage render(AlignedColumn column, int width, int height) {
        if (width < 200 || height < 200) {
            throw new IllegalArgumentException("plot must be at least 200x200 pixels, got " + width + "x" + height);
        }
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
        double lastTime = time.length == 0 ? 0 : Math.max(abs(time[0]), abs(time[time.length - 1]));
        PlotScale timeScale = PlotScale.choose(lastTime, "s");
        PlotScale valueScale = PlotScale.choose(maxAbs, result.unit());
        PlotScale residualScale = PlotScale.choose(maxResidual, result.unit());

        int topHeight = (int) Math.round(height * 0.64);
        XYChart top = chart(width, topHeight, result.quantity(),
                timeScale.axisTitle("t"), valueScale.axisTitle(result.reference().lastSegment()));
        addLine(top, "reference", time, column.reference(), timeScale, valueScale, REFERENCE, 2.0f);
        addLine(top, "candidate", time, column.candidate(), timeScale, valueScale, CANDIDATE, 1.2f);
        if (result.spikes() != null) {
            addSpikes(top, "reference spikes", result.spikes().reference(), timeScale, valueScale, REFERENCE,
                    time.length > 0 ? time[0] : 0, time.length > 0 ? time[time.length - 1] : 0);
            addSpikes(top, "candidate spikes", result.spikes().candidate(), timeScale, valueScale, CANDIDATE,
                    time.length > 0 ? time[0] : 0, time.length > 0 ? time[time.length - 1] : 0);
        }
        XYChart bottom = chart(width, height - topHeight, "residual (candidate - reference); verdict: "
                + result.tier().label(), timeScale.axisTitle("t"),
                residualScale.axisTitle("Δ"));
        bottom.getStyler().setLegendVisible(false);
        addLine(bottom, "residual", time, residual, timeScale, residualScale, RESIDUAL, 1.0f);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            top.paint(g, width, topHeight);
            g.translate(0, topHeight);
            bottom.paint(g, width, height - topHeight);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double abs(double value) {
        return Double.isFinite(value) ? Math.abs(value) : 0;
    }

    private static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static void addLine(XYChart chart, String name, double[] time, double[] values, PlotScale timeScale,
                                PlotScale valueScale, Color color, float width) {
        double[][] reduced = reduce(time, values);
        for (int i = 0; i < reduced[0].length; i++) {
            reduced[0][i] *= timeScale.factor();
            reduced[1][i] *= valueScale.factor();
        }
        if (reduced[0].length == 0) {
            return;
        }
        XYSeries series = chart.addSeries(name, reduced[0], reduced[1]);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width));
    }

    private static void addSpikes(XYChart chart, String name, SpikeTrain train, PlotScale timeScale,
                                  PlotScale valueScale, Color color, double from, double to) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double t : train.times()) {
            if (t >= from && t <= to) {
                xs.add(t * timeScale.factor());
                ys.add(train.threshold() * valueScale.factor());
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name + " (" + xs.size() + ")", xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(name.startsWith("reference") ? SeriesMarkers.CIRCLE : SeriesMarkers.CROSS);
        series.setMarkerColor(color);
    }

    /** Keeps the first/last point and, per bucket, the min and max in time order; NaN points are dropped. */
    static double[][] reduce(double[] time, double[] values) {
        int n = time.length;
        if (n <= 2 * BUCKETS) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(values[i])) {
                    kept.add(new double[] {time[i], values[i]});
                }
            }
            return columns(kept);
        }
        List<double[]> kept = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            int from = (int) ((long) b * n / BUCKETS);
            int to = (int) ((long) (b + 1) * n / BUCKETS);
            int min = -1;
            int max = -1;
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(values[i])) {
                    continue;
                }
                if (min < 0 || values[i] < values[min]) {
                    min = i;
                }
                if (max < 0 || values[i] > values[max]) {
                    max = i;
                }
            }
            if (min < 0) {
                continue;
            }
            int first = Math.min(min, max);
            int second = Math.max(min, max);
            kept.add(new double[] {time[first], values[first]});
            if (second != first) {
                kept.add(new double[] {time[second], values[second]});
            }
        }
        return columns(kept);
    }

    private static double[][] columns(List<double[]> points) {
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }
}
