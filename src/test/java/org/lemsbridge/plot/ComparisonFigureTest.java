package org.lemsbridge.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.compare.AlignedColumn;
import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.ComparisonRun;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

class ComparisonFigureTest {

    @TempDir
    Path dir;

    private static Trace ex2() {
        Path path = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return TraceReader.read(path);
    }

    private static AlignedColumn column(ComparisonRun run, String quantity) {
        return run.aligned().stream().filter(a -> a.result().quantity().equals(quantity)).findFirst().orElseThrow();
    }

    /** The reference against itself: every column exact. */
    private static ComparisonRun identical() {
        Trace ref = ex2();
        return TraceComparator.run(ref, ref, ComparisonOptions.defaults());
    }

    /** The tonic cell's v delayed by 40 samples (0.2 ms), renamed "v" in the candidate. */
    private static ComparisonRun shifted() {
        Trace ref = ex2();
        double[] v = ref.valuesOf("izpopTonic[0]/v").orElseThrow();
        double[] later = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            later[i] = v[Math.max(0, i - 40)];
        }
        Trace cand = Trace.of("cand", Column.time(), ref.time(), List.of(new Column("v", "v", "V")), List.of(later));
        return TraceComparator.run(ref, cand, ComparisonOptions.defaults().withColumns(List.of(
                ColumnRequest.of("izpopTonic[0]/v", "v"))));
    }

    @Test
    void exactAgreementShowsBothTheReferenceBandAndTheCandidateLine() throws Exception {
        Figure figure = ComparisonFigure.of(column(identical(), "izpopTonic[0]/v"), 1000, 620);
        BufferedImage image = FigureFiles.image(figure);
        int band = PlotImages.pixelsNear(image, Colors.pale(ComparisonFigure.REFERENCE, 0.35), 6);
        int line = PlotImages.pixelsNear(image, ComparisonFigure.CANDIDATE, 40);
        assertTrue(band > 3000, "reference band pixels: " + band);
        assertTrue(line > 800, "candidate line pixels: " + line);
        Path png = dir.resolve("exact-tonic-v.png");
        FigureFiles.writePng(png, figure);
        PlotImages.keep(png);
    }

    @Test
    void aResidualThatIsZeroEverywhereGetsFiveTicksAndANote() throws Exception {
        Figure figure = ComparisonFigure.of(column(identical(), "izpopTonic[0]/v"), 1000, 620);
        Panel residual = figure.panels().get(1);
        assertEquals(new Range(-1, 1), residual.yRange());
        assertEquals(List.of("-1.0", "-0.5", "0", "0.5", "1.0"), Ticks.across(residual.yRange(), 6).labels());
        String svg = FigureFiles.svg(figure);
        List<String> texts = PlotImages.texts(svg);
        assertTrue(texts.contains("Δ = 0 at every compared sample: candidate and reference are identical"), texts.toString());
        assertTrue(texts.contains("residual: candidate − reference (verdict: exact)"), texts.toString());
        assertTrue(texts.size() < 60, "text elements: " + texts.size());
        Path file = dir.resolve("exact-tonic-v.svg");
        Files.writeString(file, svg);
        PlotImages.keep(file);
    }

    @Test
    void bothPanelsShareTheirLeftAndRightEdges() {
        for (ComparisonRun run : List.of(identical(), shifted())) {
            String svg = FigureFiles.svg(ComparisonFigure.of(run.aligned().get(0), 1000, 620));
            List<double[]> frames = PlotImages.strokedRects(svg, "rgb(128,128,128)");
            assertEquals(2, frames.size(), svg.length() + " chars");
            assertEquals(frames.get(0)[0], frames.get(1)[0], 1e-9);
            assertEquals(frames.get(0)[2], frames.get(1)[2], 1e-9);
            assertTrue(frames.get(1)[1] > frames.get(0)[1] + frames.get(0)[3]);
        }
    }

    @Test
    void theLegendGetsRoomAboveTheSpikesInsteadOfCoveringThem() {
        ComparisonRun run = shifted();
        double peak = 0;
        for (double v : run.aligned().get(0).reference()) {
            peak = Math.max(peak, v * 1000);
        }
        String svg = FigureFiles.svg(ComparisonFigure.of(run.aligned().get(0), 1000, 620));
        // the y axis grew from the data's -75..35 mV to 75 mV, so the top corners are free of data
        double top = tickY(svg, "75");
        double bottom = tickY(svg, "-75");
        double peakY = top + (75 - peak) / 150 * (bottom - top);
        List<double[]> legends = PlotImages.strokedRects(svg, "rgb(159,159,159)");
        assertEquals(1, legends.size(), "one legend, in the upper panel");
        double legendBottom = legends.get(0)[1] + legends.get(0)[3];
        assertTrue(peak > 29 && peak < 40, "peak " + peak);
        assertTrue(legendBottom < peakY, "legend ends at y = " + legendBottom + ", the spikes peak at y = " + peakY);
        double frameTop = PlotImages.strokedRects(svg, "rgb(128,128,128)").get(0)[1];
        assertTrue(peakY - frameTop > 0.25 * (bottom - top), "room above the peaks: " + (peakY - frameTop));
    }

    /** The y of the first {@code <text>} reading {@code label} (a y tick label of the upper panel). */
    private static double tickY(String svg, String label) {
        org.w3c.dom.NodeList texts = PlotImages.parse(svg).getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            org.w3c.dom.Element text = (org.w3c.dom.Element) texts.item(i);
            if (text.getTextContent().equals(label)) {
                return Double.parseDouble(text.getAttribute("y"));
            }
        }
        throw new AssertionError("no tick label " + label);
    }

    @Test
    void aShiftedTraceNamesTheCandidateColumnAndMarksBothSpikeTrains() throws Exception {
        Figure figure = ComparisonFigure.of(shifted().aligned().get(0), 1000, 620);
        List<String> texts = PlotImages.texts(FigureFiles.svg(figure));
        assertTrue(texts.contains("reference izpopTonic[0]/v"), texts.toString());
        assertTrue(texts.contains("candidate v"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.matches("reference spikes \\(\\d+\\)")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("spikes, reference/candidate: ")
                && t.contains("first divergent #1 at 22.51 ms vs 22.71 ms")), texts.toString());
        assertTrue(texts.contains("v (mV)"), texts.toString());
        assertTrue(texts.contains("Δ (mV)"), texts.toString());
        assertTrue(texts.contains("t (ms)"), texts.toString());
        Path png = dir.resolve("shifted-tonic-v.png");
        FigureFiles.writePng(png, figure);
        PlotImages.keep(png);
    }

    @Test
    void recoveryVariablesAndCurrentsGetNoSpikeMarkers() {
        ComparisonRun run = identical();
        for (String quantity : List.of("izpopTonic[0]/U", "izpopTonic[0]/i1/I")) {
            List<String> texts = PlotImages.texts(FigureFiles.svg(ComparisonFigure.of(column(run, quantity), 900, 600)));
            assertFalse(texts.stream().anyMatch(t -> t.contains("spikes")), quantity + ": " + texts);
        }
    }

    @Test
    void dimensionlessTracesAreLabelledDimensionless() {
        double[] time = {0, 0.001, 0.002, 0.003};
        Trace trace = Trace.of("x", Column.time(), time, List.of(new Column("q", "pop[0]/m/q", "1")),
                List.of(new double[] {0.1, 0.2, 0.3, 0.2}));
        ComparisonRun run = TraceComparator.run(trace, trace, ComparisonOptions.defaults());
        List<String> texts = PlotImages.texts(FigureFiles.svg(ComparisonFigure.of(run.aligned().get(0), 800, 500)));
        assertTrue(texts.contains("q (dimensionless)"), texts.toString());
        assertTrue(texts.contains("Δ (dimensionless)"), texts.toString());
    }
}
