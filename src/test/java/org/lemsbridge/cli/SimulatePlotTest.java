package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.plot.PlotImages;
import org.lemsbridge.testing.SharedFolder;

/**
 * {@code simulate --plot} of upstream NeuroML2 LEMS examples: one PNG and one SVG per Display (and a raster per
 * EventOutputFile), read back as text (the SVG) and as pixels (the PNG).
 */
class SimulatePlotTest {
    @TempDir
    Path folder;

    private static Path upstream() {
        SharedFolder.file("upstream/NeuroML2/LEMSexamples");
        return SharedFolder.file("upstream/NeuroML2");
    }

    /** Simulates an upstream example with --plot and returns the plot folder. */
    private Path plot(String example) {
        Path upstream = upstream();
        Path lems = upstream.resolve("LEMSexamples/LEMS_NML2_" + example + ".xml");
        Path output = folder.resolve(example);
        CliRun run = CliRun.of("simulate", lems.toString(), "-I", upstream.resolve("examples").toString(), "-I",
                upstream.resolve("NeuroML2CoreTypes").toString(), "-o", output.toString(), "--plot");
        assertEquals(0, run.exitCode(), run.describe());
        return output.resolve("plots");
    }

    private static Set<String> names(Path plots) throws IOException {
        try (Stream<Path> files = Files.list(plots)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Set<String> both(String... ids) {
        Set<String> names = new TreeSet<>();
        for (String id : ids) {
            names.add(id + ".png");
            names.add(id + ".svg");
        }
        return names;
    }

    private static List<String> texts(Path svg) throws IOException {
        return PlotImages.texts(Files.readString(svg));
    }

    /** The PNG is mostly drawn on (not blank) and each colour appears on at least {@code pixels} pixels. */
    private static void assertColours(Path png, int pixels, String... colours) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        int inked = PlotImages.inkedPixels(image);
        assertTrue(inked > image.getWidth() * image.getHeight() / 50, png + ": only " + inked + " pixels drawn");
        for (String colour : colours) {
            int near = PlotImages.pixelsNear(image, Color.decode(colour), 10);
            assertTrue(near >= pixels, png.getFileName() + ": " + near + " pixels of " + colour);
        }
    }

    @Test
    void ex2DrawsItsThreeDisplaysWithTitleRangesUnitsAndLineColours() throws IOException {
        Path plots = plot("Ex2_Izh");
        assertEquals(both("d1", "d2", "d3"), names(plots));
        List<String> d1 = texts(plots.resolve("d1.svg"));
        assertEquals("Ex2: Bursting Izhikevich cell in LEMS", d1.get(0));
        // x: xmin -20 .. xmax 220 ms; y: ymin -80 .. ymax 40; ticks every 20 from end to end
        assertTrue(d1.subList(1, 14).equals(List.of("-20", "0", "20", "40", "60", "80", "100", "120", "140", "160",
                "180", "200", "220")), d1.toString());
        assertTrue(d1.subList(14, 21).equals(List.of("-80", "-60", "-40", "-20", "0", "20", "40")), d1.toString());
        assertTrue(d1.contains("t (ms)"), d1.toString());
        assertTrue(d1.containsAll(List.of("v (mV)", "U (dimensionless)", "i (dimensionless)")), d1.toString());
        assertTrue(d1.contains("v in mV; U, i dimensionless"), d1.toString());
        // d2 scales U by 1V: its U is labelled in volts
        assertTrue(texts(plots.resolve("d2.svg")).contains("U (V)"), texts(plots.resolve("d2.svg")).toString());
        assertColours(plots.resolve("d1.png"), 300, "#ee40FF", "#BBA0AA", "#222222");
    }

    @Test
    void ex1DrawsVoltageAndGates() throws IOException {
        Path plots = plot("Ex1_HH");
        assertEquals(both("d1", "d2"), names(plots));
        List<String> d1 = texts(plots.resolve("d1.svg"));
        assertEquals("Ex1: Simple HH example: Voltage", d1.get(0));
        // x: 0 .. 150 ms, y: -90 .. 60 mV
        assertEquals(List.of("0", "10"), d1.subList(1, 3), d1.toString());
        assertEquals(List.of("140", "150", "-75", "-50"), d1.subList(15, 19), d1.toString());
        assertTrue(d1.containsAll(List.of("50", "v (mV)", "t (ms)")), d1.toString());
        List<String> d2 = texts(plots.resolve("d2.svg"));
        assertTrue(d2.containsAll(List.of("na_m", "na_h", "k_n", "q (dimensionless)", "0", "1.0")), d2.toString());
        assertColours(plots.resolve("d2.png"), 300, "#000000", "#ff0000", "#0000ff");
    }

    @Test
    void ex5DrawsFourDisplays() throws IOException {
        Path plots = plot("Ex5_DetCell");
        assertEquals(both("d1", "d2", "d3", "d4"), names(plots));
        List<String> d1 = texts(plots.resolve("d1.svg"));
        assertEquals("Ex5: HH cell with simple morphology: voltage", d1.get(0));
        assertTrue(d1.containsAll(List.of("v (mV)", "spiking (0.1 V)", "0", "300", "-80", "40")), d1.toString());
        assertColours(plots.resolve("d1.png"), 200, "#cccccc", "#004040");
    }

    @Test
    void ex9DrawsDimensionlessFitzHughNagumoInSeconds() throws IOException {
        Path plots = plot("Ex9_FN");
        assertEquals(both("d1"), names(plots));
        List<String> d1 = texts(plots.resolve("d1.svg"));
        assertEquals("Ex9: FitzHugh-Nagumo cell model in LEMS", d1.get(0));
        // x: 0 .. 200 s, y: -2.5 .. 2.5, both ends on ticks
        assertEquals(List.of("0", "20"), d1.subList(1, 3), d1.toString());
        assertEquals(List.of("200", "-2.5", "-2.0"), d1.subList(11, 14), d1.toString());
        assertTrue(d1.containsAll(List.of("2.5", "t (s)", "V, W (dimensionless)")), d1.toString());
        assertColours(plots.resolve("d1.png"), 300, "#ee40FF", "#BBA0AA");
    }

    @Test
    void ex23DrawsItsDisplaysAndARasterPerSpikeFile() throws IOException {
        Path plots = plot("Ex23_Spiketimes");
        assertEquals(both("d0", "d1", "d2", "iaf_spikes", "pynn_spikes", "hh_spikes"), names(plots));
        assertColours(plots.resolve("d0.png"), 150, "#000000", "#ff2222", "#eeee44", "#666111", "#882228");
        long iafEvents = Files.readAllLines(folder.resolve("Ex23_Spiketimes/results/ex23.iaf.spikes")).stream()
                .filter(line -> !line.isBlank()).count();
        assertTrue(iafEvents > 10, iafEvents + " events");
        List<String> raster = texts(plots.resolve("iaf_spikes.svg"));
        assertEquals("EventOutputFile iaf_spikes: ex23.iaf.spikes (" + iafEvents + " events)", raster.get(0));
        assertTrue(raster.containsAll(List.of("0", "1", "2", "3", "4", "EventSelection id", "t (ms)", "300")),
                raster.toString());
        assertTrue(texts(plots.resolve("hh_spikes.svg")).get(0).startsWith("EventOutputFile hh_spikes: "));
        assertColours(plots.resolve("iaf_spikes.png"), 100, "#222222");
    }
}
