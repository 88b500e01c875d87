package org.lemsbridge.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Thumbnails computed by {@link AreaAverage} equal, pixel for pixel, what the JDK's area-averaging filter draws. */
class AreaAverageTest {

    /** The JDK's way, as FigureFiles made thumbnails before: getScaledInstance(SCALE_AREA_AVERAGING), drawn. */
    private static BufferedImage jdkThumbnail(BufferedImage image, int width, int height) {
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return small;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void assertSameThumbnail(BufferedImage image, int width) {
        BufferedImage ours = FigureFiles.thumbnail(image, width);
        BufferedImage jdk = jdkThumbnail(image, ours.getWidth(), ours.getHeight());
        assertArrayEquals(pixels(jdk), pixels(ours), image.getWidth() + "x" + image.getHeight() + " -> " + width);
    }

    private static BufferedImage noise(int width, int height, int type, Random random) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(8) == 0 ? 0xffffff : random.nextInt(1 << 24));
            }
        }
        return image;
    }

    /** A plot-like picture: white ground, anti-aliased curves, a band, text. */
    private static BufferedImage plot(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(200, 220, 255));
        g.fillRect(width / 10, height / 3, width / 2, height / 5);
        g.setStroke(new BasicStroke(1.5f));
        for (int curve = 0; curve < 3; curve++) {
            g.setColor(new Color(random.nextInt(1 << 24)));
            int previous = height / 2;
            for (int x = 1; x < width; x++) {
                int next = Math.max(0, Math.min(height - 1, previous + random.nextInt(21) - 10));
                g.drawLine(x - 1, previous, x, next);
                previous = next;
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        g.drawString("izpopTonic[0]/v (mV)", width / 3, 20);
        g.dispose();
        return image;
    }

    @Test
    void aReportPlotsThumbnailIsTheJdksPixelForPixel() {
        assertSameThumbnail(plot(1000, 620, new Random(1)), 480);
    }

    @Test
    void theThumbnailOfAPngReadBackIsTheJdksToo() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(plot(1000, 620, new Random(2)), "png", png);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertEquals(BufferedImage.TYPE_3BYTE_BGR, read.getType());
        assertSameThumbnail(read, 480);
    }

    @Test
    void noiseOfManySizesScaledDownAndUpIsTheJdks() {
        Random random = new Random(18);
        int[][] sizes = {{1000, 620, 480}, {37, 23, 10}, {7, 5, 3}, {640, 480, 1}, {100, 3, 33}, {3, 2, 7},
                {5, 9, 11}, {480, 298, 480}, {211, 97, 64}};
        for (int[] size : sizes) {
            for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
                assertSameThumbnail(noise(size[0], size[1], type, random), size[2]);
            }
        }
    }

    @Test
    void opaquePicturesTakeTheQuickWay() {
        BufferedImage image = plot(1000, 620, new Random(3));
        int[] rgb = image.getRGB(0, 0, 1000, 620, null, 0, 1000);
        assertTrue(AreaAverage.scale(rgb, 1000, 620, 480, 298).isPresent());
    }
}
