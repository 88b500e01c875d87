package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.plot.Colors;
import org.lemsbridge.plot.ComparisonFigure;
import org.lemsbridge.plot.PlotImages;

/**
 * The report of {@code examples/failing/suite.yaml} (the README's screenshots) as a user sees it: what it says of the
 * failing case, then opened in headless Chromium, the index and the failing case's page are screenshot and the
 * pictures are found on screen by their colours. The browser tests are skipped when no Chromium is installed ({@code apt-get install chromium}; {@code LEMSBRIDGE_CHROMIUM} names another binary).
 * {@code -Dlemsbridge.keepPlots=DIR} keeps the screenshots.
 */
class ReportInBrowserTest {

    private static final Color FAIL_BADGE = new Color(0xcf, 0x22, 0x2e);
    private static final Color ERROR_BADGE = new Color(0x9a, 0x67, 0x00);

    @TempDir
    static Path folder;

    private static Path chromium;
    private static Path report;

    @BeforeAll
    static void runTheFailingSuite() {
        String named = System.getenv("LEMSBRIDGE_CHROMIUM");
        chromium = (named != null ? List.of(Path.of(named)) : List.of(Path.of("/usr/bin/chromium"),
                Path.of("/usr/bin/chromium-browser"))).stream().filter(Files::isExecutable).findFirst().orElse(null);
        report = folder.resolve("report");
        CliRun run = CliRun.of("check", "examples/failing/suite.yaml", "--report", report.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.out().contains("2 passed, 1 failed, 1 error (4 cases, "), run.out());
    }

    @Test
    void theFailingSuiteSaysHowTheSpikeTrainsDifferAndWhichOutputWasMeant() throws IOException {
        JsonNode cases = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("cases");
        JsonNode v = cases.get(0).get("comparison").get("columns").get(0);
        assertEquals("izpopTonic[0]/v", v.get("quantity").asText());
        JsonNode spikes = v.get("spikes");
        assertEquals(9, spikes.get("reference").size(), spikes.toString());
        assertEquals(7, spikes.get("candidate").size(), spikes.toString());
        assertEquals(1, spikes.get("firstDivergentIndex").asInt(), spikes.toString());
        assertEquals("resets to -0.065 V after reaching 0.03 V (the model's thresh)", spikes.get("rule").asText());
        assertTrue(cases.get(0).get("comparison").get("columns").get(1).get("spikes").isNull(),
                "U is no membrane potential: no spikes");
        assertTrue(cases.get(2).get("error").asText().endsWith("the model writes no output 'Ex2_Izh_allcels.dat'; it"
                + " writes [Ex2_Izh_allcells.dat] (did you mean 'Ex2_Izh_allcells.dat'?)"), cases.get(2).toString());
        assertEquals("run", cases.get(3).get("kind").asText());
    }

    @Test
    void theIndexShowsTheVerdictTheBadgesAndEveryCasesThumbnail() throws Exception {
        BufferedImage shot = screenshot(report.resolve("index.html"), 1280, 1400, "index.png");
        assertTrue(PlotImages.pixelsNear(shot, FAIL_BADGE, 8) > 1500, "the FAIL verdict and the failing case's badges");
        assertTrue(PlotImages.pixelsNear(shot, ERROR_BADGE, 8) > 300, "the error case's badges");
        // the thumbnails are on screen (loaded from the report's relative paths): the reference band's pale blue
        // appears only in the two comparison thumbnails, on screen about as often as in their files (the cards
        // scale them to their width, about 390 of their 480 pixels here)
        Color band = Colors.pale(ComparisonFigure.REFERENCE, 0.35);
        int inThumbnails = 0;
        for (String name : List.of("tonic-d8", "tonic")) {
            inThumbnails += PlotImages.pixelsNear(ImageIO.read(report.resolve("cases/" + name + "/thumbnail.png")
                    .toFile()), band, 12);
        }
        int onScreen = PlotImages.pixelsNear(shot, band, 12);
        assertTrue(inThumbnails > 1000, "thumbnails: " + inThumbnails);
        assertTrue(onScreen >= 0.5 * inThumbnails && onScreen <= 1.5 * inThumbnails,
                "on screen " + onScreen + ", in the thumbnails " + inThumbnails);
    }

    @Test
    void theFailingCasesPageShowsItsPlotsAtFullSize() throws Exception {
        BufferedImage shot = screenshot(report.resolve("cases/tonic-d8/index.html"), 1280, 3000, "case.png");
        assertTrue(PlotImages.pixelsNear(shot, FAIL_BADGE, 8) > 300, "the FAIL badge");
        Color band = Colors.pale(ComparisonFigure.REFERENCE, 0.35);
        for (Color color : List.of(ComparisonFigure.CANDIDATE, band)) {
            int inFiles = 0;
            for (String plot : List.of("01-izpopTonic_0__v.png", "02-izpopTonic_0__U.png")) {
                inFiles += PlotImages.pixelsNear(ImageIO.read(report.resolve("cases/tonic-d8/plots/" + plot).toFile()),
                        color, 6);
            }
            int onScreen = PlotImages.pixelsNear(shot, color, 6);
            assertTrue(inFiles > 1000, color + " in the plots: " + inFiles);
            // shown 1:1, both plots on the page hold every pixel of that colour the files hold
            assertTrue(onScreen >= 0.98 * inFiles && onScreen <= 1.02 * inFiles,
                    color + ": on screen " + onScreen + ", in the plot files " + inFiles);
        }
    }

    private static BufferedImage screenshot(Path page, int width, int height, String name) throws Exception {
        assumeTrue(chromium != null, "no Chromium installed: skipping the report's browser test");
        Path png = folder.resolve(name);
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--force-device-scale-factor=1", "--user-data-dir=" + folder.resolve("profile"),
                "--window-size=" + width + "," + height, "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("chromium.log").toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium took over 120 s for " + page);
        }
        assertEquals(0, process.exitValue(), () -> log());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        PlotImages.keep(png);
        return image;
    }

    private static String log() {
        try {
            return Files.readString(folder.resolve("chromium.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
