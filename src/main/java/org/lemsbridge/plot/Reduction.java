package org.lemsbridge.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a series to what a pixel grid can show: of the points that fall in one pixel column it keeps the first, the
 * lowest, the highest and the last, in their order, so the drawn line looks the same as the full one (spikes
 * included) at a few points per column. Points left or right of the plot fall into one column on that side, so lines
 * still enter the plot at the right angle.
 */
final class Reduction {

    private Reduction() {
    }

    /** Pixel coordinates in drawing order; null marks a break (a non-finite value). */
    static List<double[]> perPixelColumn(double[] x, double[] y, FigurePainter.Mapping map) {
        double minX = map.area().getMinX() - 1;
        double maxX = map.area().getMaxX() + 1;
        double height = map.area().getHeight();
        double lowY = map.area().getMinY() - 10 * height;
        double highY = map.area().getMaxY() + 10 * height;
        List<double[]> out = new ArrayList<>();
        Column column = null;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                if (column != null) {
                    column.emit(out);
                    column = null;
                }
                out.add(null);
                continue;
            }
            double px = Math.max(minX, Math.min(maxX, map.x(x[i])));
            double py = Math.max(lowY, Math.min(highY, map.y(y[i])));
            long key = (long) Math.floor(px);
            if (column == null || column.key != key) {
                if (column != null) {
                    column.emit(out);
                }
                column = new Column(key, px, py);
            } else {
                column.add(px, py);
            }
        }
        if (column != null) {
            column.emit(out);
        }
        return out;
    }

    /** The points of one pixel column seen so far. */
    private static final class Column {
        final long key;
        final double[] first;
        double[] low;
        double[] high;
        double[] last;
        int lowOrder;
        int highOrder;
        int count = 1;

        Column(long key, double px, double py) {
            this.key = key;
            this.first = new double[] {px, py};
            this.low = first;
            this.high = first;
            this.last = first;
        }

        void add(double px, double py) {
            double[] point = {px, py};
            if (py > low[1]) { // pixel y grows downwards: a larger py is a lower value
                low = point;
                lowOrder = count;
            }
            if (py < high[1]) {
                high = point;
                highOrder = count;
            }
            last = point;
            count++;
        }

        void emit(List<double[]> out) {
            out.add(first);
            double[] earlier = lowOrder <= highOrder ? low : high;
            double[] later = lowOrder <= highOrder ? high : low;
            if (earlier != first) {
                out.add(earlier);
            }
            if (later != first && later != earlier) {
                out.add(later);
            }
            if (last != first && last != earlier && last != later) {
                out.add(last);
            }
        }
    }
}
