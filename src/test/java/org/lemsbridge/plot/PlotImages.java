package org.lemsbridge.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What tests read from pictures: pixels near a colour in a PNG, the text and frames of an SVG. */
public final class PlotImages {

    private PlotImages() {
    }

    /** Pixels within {@code distance} (per channel) of {@code color}. */
    public static int pixelsNear(BufferedImage image, Color color, int distance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - color.getRed()) <= distance
                        && Math.abs(((rgb >> 8) & 0xff) - color.getGreen()) <= distance
                        && Math.abs((rgb & 0xff) - color.getBlue()) <= distance) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Pixels that are not white. */
    public static int inkedPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The SVG parsed with DTDs off. */
    public static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the SVG does not parse: " + e.getMessage(), e);
        }
    }

    /** Every {@code <text>} element's content, in document order. */
    public static List<String> texts(String svg) {
        NodeList nodes = parse(svg).getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The {@code x, y, width, height} of every {@code <rect>} whose style strokes in {@code rgb(r,g,b)}. */
    public static List<double[]> strokedRects(String svg, String rgb) {
        NodeList nodes = parse(svg).getElementsByTagName("rect");
        List<double[]> rects = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element rect = (Element) nodes.item(i);
            if (rect.getAttribute("style").contains("stroke:" + rgb)) {
                rects.add(new double[] {Double.parseDouble(rect.getAttribute("x")),
                    Double.parseDouble(rect.getAttribute("y")), Double.parseDouble(rect.getAttribute("width")),
                    Double.parseDouble(rect.getAttribute("height"))});
            }
        }
        return rects;
    }

    /** Copies {@code file} to the folder named by {@code -Dlemsbridge.keepPlots=DIR}, to look at it. */
    public static void keep(Path file) {
        String folder = System.getProperty("lemsbridge.keepPlots");
        if (folder == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
            Files.copy(file, Path.of(folder).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
