package org.lemsbridge.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.lemsbridge.files.FolderWrites;

/** Writes figures as PNG or SVG files (each written whole to a temporary file, then moved into place). */
public final class FigureFiles {

    private FigureFiles() {
    }

    /** The figure as an RGB image. */
    public static BufferedImage image(Figure figure) {
        BufferedImage image = new BufferedImage(figure.width(), figure.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            FigurePainter.paint(g, figure);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The figure as an SVG document, its text as {@code <text>} elements. */
    public static String svg(Figure figure) {
        VectorGraphics2D g = new VectorGraphics2D();
        FigurePainter.paint(g, figure);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, figure.width(), figure.height()))
                    .writeTo(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write SVG to memory", e);
        }
        // A DOCTYPE would make XML readers fetch (or refuse) the SVG 1.1 DTD; browsers do not need it.
        return bytes.toString(StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
    }

    public static void writePng(Path file, Figure figure) throws IOException {
        writePng(FolderWrites.IN_PLACE, file, image(figure));
    }

    public static void writePng(Path file, BufferedImage image) throws IOException {
        writePng(FolderWrites.IN_PLACE, file, image);
    }

    /** Writes {@code image} as a PNG {@code file} through {@code files}. */
    public static void writePng(FolderWrites files, Path file, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer available");
        }
        files.write(file, bytes.toByteArray());
    }

    public static void writeSvg(Path file, Figure figure) throws IOException {
        writeSvg(FolderWrites.IN_PLACE, file, figure);
    }

    /** Writes {@code figure} as an SVG {@code file} through {@code files}. */
    public static void writeSvg(FolderWrites files, Path file, Figure figure) throws IOException {
        files.writeString(file, svg(figure));
    }

    /** Writes the figure in the format its file name ends with: {@code .png} or {@code .svg}. */
    public static void write(Path file, Figure figure) throws IOException {
        write(FolderWrites.IN_PLACE, file, figure);
    }

    /** As above, through {@code files}. */
    public static void write(FolderWrites files, Path file, Figure figure) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            writePng(files, file, image(figure));
        } else if (name.endsWith(".svg")) {
            writeSvg(files, file, figure);
        } else {
            throw new IllegalArgumentException("a figure file ends in .png or .svg, got " + file.getFileName());
        }
    }

    /** {@code image} scaled to {@code width} pixels wide (smoothly, by area averaging), for an index page. */
    public static BufferedImage thumbnail(BufferedImage image, int width) {
        int height = Math.max(1, Math.round(image.getHeight() * (float) width / image.getWidth()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Optional<int[]> averaged = image.getColorModel().hasAlpha() ? Optional.empty()
                : AreaAverage.scale(rgb(image), image.getWidth(), image.getHeight(), width, height);
        if (averaged.isPresent()) {
            small.getRaster().setDataElements(0, 0, width, height, averaged.get());
            return small;
        }
        Graphics2D g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image.getScaledInstance(width, height, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        } finally {
            g.dispose();
        }
        return small;
    }

    /** The pixels of an opaque image as {@code 0xRRGGBB} values (higher bits unspecified), row by row. */
    private static int[] rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        return image.getType() == BufferedImage.TYPE_INT_RGB
                ? (int[]) image.getRaster().getDataElements(0, 0, w, h, null)
                : image.getRGB(0, 0, w, h, null, 0, w);
    }
}
