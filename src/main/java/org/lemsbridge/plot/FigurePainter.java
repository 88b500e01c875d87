package org.lemsbridge.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Paints a {@link Figure} on any Graphics2D (an image for PNG, VectorGraphics2D for SVG). Text is drawn as text. All
 * panels get the same left and right plot edges (the widest y tick label decides), so stacked panels with one x range
 * line up exactly.
 */
final class FigurePainter {

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font HEADING = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font NOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 12);
    private static final Color FRAME = new Color(0x80, 0x80, 0x80);
    private static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final int OUTER = 10;
    private static final int TICK_LENGTH = 4;
    private static final int LINE_HEIGHT = 16;
    private static final int LEGEND_SAMPLE = 24;
    private static final double LEGEND_INSET = 6;
    /** The most a y range grows upward to make room for the legend, as a share of its span. */
    private static final double MAX_LEGEND_ROOM = 0.4;

    private final Graphics2D g;
    private final Figure figure;

    private FigurePainter(Graphics2D g, Figure figure) {
        this.g = g;
        this.figure = figure;
    }

    static void paint(Graphics2D g, Figure figure) {
        new FigurePainter(g, figure).paint();
    }

    private void paint() {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, figure.width(), figure.height()));

        int top = OUTER;
        if (!figure.title().isEmpty()) {
            g.setFont(TITLE);
            g.setColor(TEXT);
            FontMetrics metrics = g.getFontMetrics();
            String title = fit(figure.title(), figure.width() - 2 * OUTER, metrics);
            g.drawString(title, (figure.width() - metrics.stringWidth(title)) / 2f, top + metrics.getAscent());
            top += metrics.getHeight() + 6;
        }
        List<Ticks> yTicks = new ArrayList<>();
        int widestTick = 0;
        g.setFont(TICK);
        for (Panel panel : figure.panels()) {
            Ticks ticks = yTicks(panel);
            yTicks.add(ticks);
            List<String> labels = new ArrayList<>(ticks.labels());
            if (mayGrowForLegend(panel)) {
                labels.addAll(Ticks.across(grownUpward(panel.effectiveYRange(), MAX_LEGEND_ROOM), 6).labels());
            }
            for (String label : labels) {
                widestTick = Math.max(widestTick, g.getFontMetrics().stringWidth(label));
            }
        }
        double left = OUTER + LINE_HEIGHT + 6 + widestTick + TICK_LENGTH + 4;
        double right = figure.width() - OUTER - 8;
        double available = figure.height() - top - OUTER;
        double totalWeight = figure.panels().stream().mapToDouble(Panel::weight).sum();
        double y = top;
        for (int i = 0; i < figure.panels().size(); i++) {
            Panel panel = figure.panels().get(i);
            boolean showXTitle = i == figure.panels().size() - 1
                    || !panel.xTitle().equals(figure.panels().get(i + 1).xTitle());
            double height = available * panel.weight() / totalWeight;
            paintPanel(panel, yTicks.get(i), left, right, y, y + height, showXTitle);
            y += height;
        }
    }

    private void paintPanel(Panel panel, Ticks yTicks, double left, double right, double top, double bottom,
                            boolean showXTitle) {
        double slotHeight = bottom - top;
        if (!panel.title().isEmpty()) {
            g.setFont(HEADING);
            g.setColor(TEXT);
            FontMetrics metrics = g.getFontMetrics();
            for (String line : wrap(panel.title(), (int) (right - left), metrics)) {
                g.drawString(line, (float) left, (float) top + metrics.getAscent());
                top += metrics.getHeight();
            }
            top += 4;
        }
        double plotBottom = bottom - LINE_HEIGHT - 4 - (showXTitle ? LINE_HEIGHT + 2 : 0) - 6;
        Rectangle2D area = new Rectangle2D.Double(left, top + 4, right - left, Math.max(10, plotBottom - top - 4));
        Range xRange = panel.effectiveXRange();
        Range yRange = panel.effectiveYRange();
        Mapping map = new Mapping(area, xRange, yRange);
        if (mayGrowForLegend(panel)) {
            Rectangle2D legend = legendSize(panel, area.getWidth());
            if (quietestCorner(panel, map, legend.getWidth(), legend.getHeight()).covered() > 0) {
                double room = Math.min(MAX_LEGEND_ROOM, (legend.getHeight() + 2 * LEGEND_INSET)
                        / Math.max(1, area.getHeight() - legend.getHeight() - 2 * LEGEND_INSET));
                yRange = grownUpward(yRange, room);
                map = new Mapping(area, xRange, yRange);
                yTicks = Ticks.across(yRange, 6);
            }
        }
        Ticks xTicks = Ticks.across(xRange, Math.max(2, (int) (area.getWidth() / 90)));

        paintGrid(map, xTicks, yTicks);
        Shape clip = g.getClip();
        g.clip(area);
        for (Series series : panel.series()) {
            paintSeries(map, series);
        }
        g.setClip(clip);
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(1f));
        g.draw(area);
        paintTickLabels(map, xTicks, yTicks);
        paintAxisTitles(panel, area, slotHeight, showXTitle);
        paintNotes(panel, area);
        paintLegend(panel, map);
    }

    /** A panel whose y range follows its data may grow upward to free its top corners for the legend. */
    private static boolean mayGrowForLegend(Panel panel) {
        return panel.yRange() == null && panel.yLabels().isEmpty()
                && panel.series().stream().anyMatch(s -> s.label() != null && !s.label().isEmpty());
    }

    /** {@code range} with {@code share} of its span added above. */
    private static Range grownUpward(Range range, double share) {
        return new Range(range.min(), range.max() + share * range.span());
    }

    private static Ticks yTicks(Panel panel) {
        if (!panel.yLabels().isEmpty()) {
            return Ticks.named(panel.yLabels(), 30);
        }
        return Ticks.across(panel.effectiveYRange(), 6);
    }

    private void paintGrid(Mapping map, Ticks xTicks, Ticks yTicks) {
        g.setStroke(new BasicStroke(1f));
        g.setColor(GRID);
        for (double x : xTicks.values()) {
            double px = map.x(x);
            g.draw(new Line2D.Double(px, map.area.getMinY(), px, map.area.getMaxY()));
        }
        for (double y : yTicks.values()) {
            double py = map.y(y);
            g.draw(new Line2D.Double(map.area.getMinX(), py, map.area.getMaxX(), py));
        }
    }

    private void paintTickLabels(Mapping map, Ticks xTicks, Ticks yTicks) {
        g.setFont(TICK);
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < xTicks.values().size(); i++) {
            double px = map.x(xTicks.values().get(i));
            g.setColor(FRAME);
            g.draw(new Line2D.Double(px, map.area.getMaxY(), px, map.area.getMaxY() + TICK_LENGTH));
            String label = xTicks.labels().get(i);
            g.setColor(TEXT);
            g.drawString(label, (float) (px - metrics.stringWidth(label) / 2.0),
                    (float) (map.area.getMaxY() + TICK_LENGTH + metrics.getAscent() + 1));
        }
        for (int i = 0; i < yTicks.values().size(); i++) {
            double py = map.y(yTicks.values().get(i));
            g.setColor(FRAME);
            g.draw(new Line2D.Double(map.area.getMinX() - TICK_LENGTH, py, map.area.getMinX(), py));
            String label = yTicks.labels().get(i);
            g.setColor(TEXT);
            g.drawString(label, (float) (map.area.getMinX() - TICK_LENGTH - 3 - metrics.stringWidth(label)),
                    (float) (py + metrics.getAscent() / 2.0 - 1));
        }
    }

    private void paintAxisTitles(Panel panel, Rectangle2D area, double slotHeight, boolean showXTitle) {
        g.setFont(AXIS_TITLE);
        g.setColor(TEXT);
        FontMetrics metrics = g.getFontMetrics();
        if (showXTitle && !panel.xTitle().isEmpty()) {
            String title = fit(panel.xTitle(), (int) area.getWidth(), metrics);
            g.drawString(title, (float) (area.getCenterX() - metrics.stringWidth(title) / 2.0),
                    (float) (area.getMaxY() + TICK_LENGTH + LINE_HEIGHT + 4 + metrics.getAscent()));
        }
        if (!panel.yTitle().isEmpty()) {
            String title = fit(panel.yTitle(), (int) slotHeight - 4, metrics);
            AffineTransform saved = g.getTransform();
            g.translate(OUTER + metrics.getAscent(), area.getCenterY() + metrics.stringWidth(title) / 2.0);
            g.rotate(-Math.PI / 2);
            g.drawString(title, 0f, 0f);
            g.setTransform(saved);
        }
    }

    private void paintNotes(Panel panel, Rectangle2D area) {
        if (panel.notes().isEmpty()) {
            return;
        }
        g.setFont(NOTE);
        FontMetrics metrics = g.getFontMetrics();
        double y = area.getCenterY() - (panel.notes().size() * LINE_HEIGHT) / 2.0 + metrics.getAscent();
        for (String note : panel.notes()) {
            String text = fit(note, (int) area.getWidth() - 8, metrics);
            float x = (float) (area.getCenterX() - metrics.stringWidth(text) / 2.0);
            g.setColor(new Color(255, 255, 255, 220));
            g.fill(new Rectangle2D.Double(x - 4, y - metrics.getAscent(), metrics.stringWidth(text) + 8,
                    metrics.getHeight()));
            g.setColor(TEXT);
            g.drawString(text, x, (float) y);
            y += LINE_HEIGHT;
        }
    }

    private void paintSeries(Mapping map, Series series) {
        g.setColor(series.color());
        switch (series.style()) {
            case LINE -> {
                g.setStroke(new BasicStroke(series.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(polyline(map, series));
            }
            case CIRCLES, CROSSES -> {
                g.setStroke(new BasicStroke(Math.max(1f, series.width())));
                for (int i = 0; i < series.size(); i++) {
                    if (Double.isFinite(series.x()[i]) && Double.isFinite(series.y()[i])) {
                        g.draw(marker(series.style(), map.x(series.x()[i]), map.y(series.y()[i]),
                                3 + 1.5 * series.width()));
                    }
                }
            }
            case EVENTS -> paintEvents(map, series);
        }
    }

    private void paintEvents(Mapping map, Series series) {
        g.setStroke(new BasicStroke(series.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        double half = Math.max(2, Math.abs(map.y(0) - map.y(0.38)));
        Path2D.Double ticks = new Path2D.Double();
        for (int i = 0; i < series.size(); i++) {
            if (Double.isFinite(series.x()[i]) && Double.isFinite(series.y()[i])) {
                double px = map.x(series.x()[i]);
                double py = map.y(series.y()[i]);
                ticks.moveTo(px, py - half);
                ticks.lineTo(px, py + half);
            }
        }
        g.draw(ticks);
    }

    /** The series through the visible pixel columns: per column its first, lowest, highest and last point. */
    private static Path2D polyline(Mapping map, Series series) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (double[] point : Reduction.perPixelColumn(series.x(), series.y(), map)) {
            if (point == null) {
                drawing = false;
                continue;
            }
            if (drawing) {
                path.lineTo(point[0], point[1]);
            } else {
                path.moveTo(point[0], point[1]);
                drawing = true;
            }
        }
        return path;
    }

    private static Shape marker(Series.Style style, double x, double y, double size) {
        if (style == Series.Style.CIRCLES) {
            return new Ellipse2D.Double(x - size, y - size, 2 * size, 2 * size);
        }
        Path2D.Double cross = new Path2D.Double();
        cross.moveTo(x - size, y - size);
        cross.lineTo(x + size, y + size);
        cross.moveTo(x - size, y + size);
        cross.lineTo(x + size, y - size);
        return cross;
    }

    private static List<Series> legendEntries(Panel panel) {
        return panel.series().stream().filter(s -> s.label() != null && !s.label().isEmpty()).toList();
    }

    /** The legend's width and height (at 0, 0) for a plot area {@code areaWidth} pixels wide. */
    private Rectangle2D legendSize(Panel panel, double areaWidth) {
        g.setFont(LEGEND);
        FontMetrics metrics = g.getFontMetrics();
        int widest = 0;
        for (String text : legendTexts(panel, metrics, areaWidth)) {
            widest = Math.max(widest, metrics.stringWidth(text));
        }
        return new Rectangle2D.Double(0, 0, LEGEND_SAMPLE + 14 + widest, legendEntries(panel).size() * LINE_HEIGHT + 8);
    }

    private List<String> legendTexts(Panel panel, FontMetrics metrics, double areaWidth) {
        int maxText = (int) (areaWidth * 0.6) - LEGEND_SAMPLE - 16;
        return legendEntries(panel).stream().map(series -> fit(series.label(), maxText, metrics)).toList();
    }

    /** The legend in the plot corner where it covers the fewest drawn points. */
    private void paintLegend(Panel panel, Mapping map) {
        List<Series> entries = legendEntries(panel);
        if (entries.isEmpty()) {
            return;
        }
        g.setFont(LEGEND);
        FontMetrics metrics = g.getFontMetrics();
        int sample = LEGEND_SAMPLE;
        List<String> texts = legendTexts(panel, metrics, map.area.getWidth());
        Rectangle2D size = legendSize(panel, map.area.getWidth());
        g.setFont(LEGEND);
        Rectangle2D box = quietestCorner(panel, map, size.getWidth(), size.getHeight()).box();
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(box);
        g.setColor(GRID.darker());
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        for (int i = 0; i < entries.size(); i++) {
            Series series = entries.get(i);
            double rowY = box.getY() + 4 + i * LINE_HEIGHT + LINE_HEIGHT / 2.0;
            double sx = box.getX() + 6;
            g.setColor(series.color());
            switch (series.style()) {
                case LINE -> {
                    g.setStroke(new BasicStroke(Math.min(series.width(), 8f), BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_ROUND));
                    g.draw(new Line2D.Double(sx, rowY, sx + sample, rowY));
                }
                case CIRCLES, CROSSES -> {
                    g.setStroke(new BasicStroke(Math.max(1f, series.width())));
                    g.draw(marker(series.style(), sx + sample / 2.0, rowY, 3 + 1.5 * series.width()));
                }
                case EVENTS -> {
                    g.setStroke(new BasicStroke(series.width()));
                    g.draw(new Line2D.Double(sx + sample / 2.0, rowY - 5, sx + sample / 2.0, rowY + 5));
                }
            }
            g.setColor(TEXT);
            g.drawString(texts.get(i), (float) (sx + sample + 6), (float) (rowY + metrics.getAscent() / 2.0 - 1));
        }
    }

    /** A place for the legend and how many drawn points it would cover. */
    private record Corner(Rectangle2D box, long covered) {
    }

    private static Corner quietestCorner(Panel panel, Mapping map, double width, double height) {
        Rectangle2D a = map.area;
        double inset = LEGEND_INSET;
        Rectangle2D[] corners = {
            new Rectangle2D.Double(a.getMaxX() - width - inset, a.getMinY() + inset, width, height),
            new Rectangle2D.Double(a.getMinX() + inset, a.getMinY() + inset, width, height),
            new Rectangle2D.Double(a.getMaxX() - width - inset, a.getMaxY() - height - inset, width, height),
            new Rectangle2D.Double(a.getMinX() + inset, a.getMaxY() - height - inset, width, height)};
        Rectangle2D best = corners[0];
        long fewest = Long.MAX_VALUE;
        for (Rectangle2D corner : corners) {
            long covered = 0;
            for (Series series : panel.series()) {
                int stride = Math.max(1, series.size() / 4000);
                for (int i = 0; i < series.size(); i += stride) {
                    if (corner.contains(map.x(series.x()[i]), map.y(series.y()[i]))) {
                        covered += stride;
                    }
                }
            }
            if (covered < fewest) {
                fewest = covered;
                best = corner;
            }
        }
        return new Corner(best, fewest);
    }

    /** {@code text} in at most two lines of {@code width} pixels, broken after "; " or a space where needed. */
    private static List<String> wrap(String text, int width, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= width) {
            return List.of(text);
        }
        int cut = -1;
        for (int i = text.indexOf(' '); i > 0; i = text.indexOf(' ', i + 1)) {
            if (metrics.stringWidth(text.substring(0, i)) > width) {
                break;
            }
            if (cut < 0 || text.charAt(i - 1) == ';' || text.lastIndexOf(';', i) <= cut) {
                cut = i;
            }
        }
        int semicolon = text.lastIndexOf("; ", cut);
        if (semicolon > 0 && metrics.stringWidth(text.substring(0, semicolon + 1)) > width / 3) {
            cut = semicolon + 1;
        }
        if (cut <= 0) {
            return List.of(fit(text, width, metrics));
        }
        return List.of(text.substring(0, cut).strip(), fit(text.substring(cut).strip(), width, metrics));
    }

    /** {@code text}, cut with an ellipsis to fit {@code width} pixels. */
    private static String fit(String text, int width, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Data to pixel coordinates inside one plot area. */
    record Mapping(Rectangle2D area, Range xRange, Range yRange) {
        double x(double value) {
            return area.getMinX() + (value - xRange.min()) / xRange.span() * area.getWidth();
        }

        double y(double value) {
            return area.getMaxY() - (value - yRange.min()) / yRange.span() * area.getHeight();
        }
    }
}
