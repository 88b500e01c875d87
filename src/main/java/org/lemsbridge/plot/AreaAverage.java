package org.lemsbridge.plot;

import java.util.Arrays;
import java.util.Optional;

/**
 * Scales opaque RGB pixels by area averaging to the pixels {@code Image.getScaledInstance(w, h,
 * SCALE_AREA_AVERAGING)} draws for them (AreaAverageTest compares every pixel), without the image-producer plumbing
 * and per-pixel colour-model calls of that path (about 40 ms for a report's 1000 x 620 plot, mostly interpreted).
 * <p>
 * Along each axis, source and result pixels are laid on one grid: a source pixel is as many units wide as there are
 * result pixels, a result pixel as many as there are source pixels. Walking both axes in order, each overlap of a
 * source pixel with a result pixel adds its channels, weighted by the overlap's area, to the result's float sums; a
 * finished result pixel is its sums divided by its area, rounded. Those float operations in that order are what give
 * the same pixels.
 */
final class AreaAverage {

    private AreaAverage() {
    }

    /** The overlaps along one axis, in order: source pixel, result pixel, width, and whether it ends the result pixel. */
    private record Overlaps(int[] source, int[] result, int[] width, boolean[] endsResult) {

        static Overlaps along(int sources, int results) {
            int count = sources + results;
            int[] source = new int[count];
            int[] result = new int[count];
            int[] width = new int[count];
            boolean[] endsResult = new boolean[count];
            int n = 0;
            int s = 0;
            int r = 0;
            int sourceLeft = results;
            int resultLeft = sources;
            while (s < sources) {
                int w = Math.min(sourceLeft, resultLeft);
                source[n] = s;
                result[n] = r;
                width[n] = w;
                sourceLeft -= w;
                resultLeft -= w;
                endsResult[n] = resultLeft == 0;
                n++;
                if (sourceLeft == 0) {
                    s++;
                    sourceLeft = results;
                }
                if (resultLeft == 0) {
                    r++;
                    resultLeft = sources;
                }
            }
            return new Overlaps(Arrays.copyOf(source, n), Arrays.copyOf(result, n), Arrays.copyOf(width, n),
                    Arrays.copyOf(endsResult, n));
        }

        int size() {
            return width.length;
        }
    }

    /**
     * {@code pixels} ({@code 0xRRGGBB} in the low bits, row by row) scaled to {@code destWidth} x {@code destHeight},
     * as {@code 0xRRGGBB} values; empty when a result pixel would not be opaque (its rounded alpha sum), where drawing
     * it would blend and only the JDK's own path gives the same bytes.
     */
    static Optional<int[]> scale(int[] pixels, int srcWidth, int srcHeight, int destWidth, int destHeight) {
        Overlaps across = Overlaps.along(srcWidth, destWidth);
        Overlaps down = Overlaps.along(srcHeight, destHeight);
        float[] alpha = new float[destWidth];
        float[] red = new float[destWidth];
        float[] green = new float[destWidth];
        float[] blue = new float[destWidth];
        int[] scaled = new int[destWidth * destHeight];
        boolean rowStarts = true;
        for (int v = 0; v < down.size(); v++) {
            if (rowStarts) {
                Arrays.fill(alpha, 0f);
                Arrays.fill(red, 0f);
                Arrays.fill(green, 0f);
                Arrays.fill(blue, 0f);
            }
            int rowStart = down.source()[v] * srcWidth;
            int height = down.width()[v];
            for (int h = 0; h < across.size(); h++) {
                int rgb = pixels[rowStart + across.source()[h]];
                float area = ((float) across.width()[h]) * height;
                int x = across.result()[h];
                alpha[x] += area * 255f;
                red[x] += area * (float) ((rgb >> 16) & 0xff);
                green[x] += area * (float) ((rgb >> 8) & 0xff);
                blue[x] += area * (float) (rgb & 0xff);
            }
            rowStarts = down.endsResult()[v];
            if (rowStarts && !finishRow(alpha, red, green, blue, (float) srcWidth * srcHeight, scaled,
                    down.result()[v] * destWidth)) {
                return Optional.empty();
            }
        }
        return Optional.of(scaled);
    }

    /** Writes a finished row of sums to {@code scaled} at {@code at}; false when a pixel's alpha rounds below 255. */
    private static boolean finishRow(float[] alpha, float[] red, float[] green, float[] blue, float area,
            int[] scaled, int at) {
        for (int x = 0; x < alpha.length; x++) {
            if (Math.round(alpha[x] / area) < 255) {
                return false;
            }
            scaled[at + x] = channel(red[x] / area) << 16 | channel(green[x] / area) << 8 | channel(blue[x] / area);
        }
        return true;
    }

    private static int channel(float average) {
        return Math.max(0, Math.min(255, Math.round(average)));
    }
}
