package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.lemsbridge.testing.SharedFolder;

class CheckCommandTest extends CommandLineTest {
    @Test
    void theBundledEx2SuitePassesExactlyAndWritesEveryReport() throws IOException {
        Path report = folder.resolve("report");
        Path junit = folder.resolve("junit.xml");
        int code = run("check", "examples/suite.yaml", "--report", report.toString(), "--junit", junit.toString());
        assertEquals(0, code, last.describe());
        assertTrue(last.out().contains("7 passed, 0 failed, 0 errors (7 cases, "), last.out());

        String xml = Files.readString(junit);
        assertEquals(28, count(xml, "<testcase "), xml);
        assertEquals(28, Pattern.compile("<testcase [^>]* time=\"\\d+\\.\\d{3}\"").matcher(xml).results().count(), xml);
        assertEquals(0, count(xml, "<failure"), xml);
        assertEquals(xml, Files.readString(report.resolve("junit.xml")));

        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertEquals("pass", summary.get("status").asText());
        assertEquals(7, summary.get("passed").asInt());
        for (JsonNode c : summary.get("cases")) {
            assertEquals("pass", c.get("status").asText(), c.toString());
            assertEquals("exact", c.get("tier").asText(), c.toString());
            assertTrue(Files.isRegularFile(report.resolve(c.get("page").asText())), c.get("page").asText());
            assertTrue(Files.isRegularFile(report.resolve(c.get("thumbnail").asText())), c.get("thumbnail").asText());
        }
        JsonNode run = summary.get("run");
        assertTrue(run.get("startedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), run.toString());
        assertTrue(run.get("commit").asText().matches("[0-9a-f]{12}|unknown"), run.toString());
        assertTrue(run.get("seconds").asDouble() > 0, run.toString());
        JsonNode tonic = summary.get("cases").get(1);
        assertEquals("izhikevich-tonic.yaml", tonic.get("model").asText());
        assertEquals("../reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.get("reference").asText());
        assertEquals("../reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.get("comparison").get("reference").asText());
        assertEquals("cases/tonic-yaml/output/IzhikevichCell.dat", tonic.get("comparison").get("candidate").asText());

        String index = Files.readString(report.resolve("index.html"));
        assertTrue(index.contains("7 passed, 0 failed, 0 errors"), index);
        assertEquals(7, count(index, "<img src=\"cases/"), index);
        Path plot = report.resolve("cases/tonic-yaml/plots/01-izpopTonic_0__v.png");
        assertEquals(1000, ImageIO.read(plot.toFile()).getWidth());
        assertTrue(Files.readString(report.resolve("cases/tonic-yaml/index.html"))
                .contains("<img src=\"plots/01-izpopTonic_0__v.png\""));
        assertTrue(Files.readString(report.resolve("report.md")).contains("| [tonic-yaml](cases/tonic-yaml/index.html) | PASS"
                + " | exact | exact |"));
        assertNoAbsolutePaths(report);
    }

    /**
     * No report page names a folder of this machine as an absolute path: the project's, the report's or the
     * temporary folder (relative paths that climb out of the suite's folder are fine). The simulator's own outputs
     * under {@code cases/NAME/output/} are left as the simulator writes them.
     */
    private void assertNoAbsolutePaths(Path report) throws IOException {
        List<String> machinePaths = List.of(Path.of("").toAbsolutePath().toString(), folder.toString(),
                report.toAbsolutePath().toString());
        try (Stream<Path> files = Files.walk(report)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|md|json|xml)")
                    && !report.relativize(f).toString().matches("cases/[^/]+/output/.*")).toList()) {
                String text = Files.readString(file);
                for (String machinePath : machinePaths) {
                    assertFalse(Pattern.compile("(^|[\\s\"'>(=])" + Pattern.quote(machinePath)).matcher(text).find(),
                            file + " names " + machinePath);
                }
            }
        }
    }

    @Test
    void aCaseThatStopsHasItsOwnPageAndTheOthersStillRun() throws IOException {
        Path blow = folder.resolve("blow.yaml");
        Files.writeString(blow, "dynamics:\n  name: Blow\n  parameters:\n    k: {value: 50.0}\n"
                + "  state_variables:\n    x: {equation: {rhs: \"k*x**2\"}, initial_value: 1.0}\n"
                + "integration: {step_size: 0.1, duration: 100, time_scale: ms}\n");
        Files.copy(Path.of("reference-data/Ex2_Izh/manifest.json"), folder.resolve("manifest.json"));
        Files.copy(Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz"), folder.resolve("Ex2_Izh_allcells.dat.gz"));
        Path tonic = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "suite: with an error\ncases:\n  - name: blow-up\n    model: blow.yaml\n"
                + "    reference: Ex2_Izh_allcells.dat.gz\n  - name: tonic\n    model: " + tonic
                + "\n    reference: Ex2_Izh_allcells.dat.gz\n    columns:\n"
                + "      - {reference: \"izpopTonic[0]/v\", candidate: v, candidate_unit: mV}\n");
        Path report = folder.resolve("report");
        assertEquals(2, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertTrue(last.out().contains("1 passed, 0 failed, 1 error"), last.out());
        String page = Files.readString(report.resolve("cases/blow-up/index.html"));
        assertTrue(page.contains("<div class=\"errorbox\">blow.yaml:6:8: simulation stopped: state variable x of"
                + " Blow_inst became Infinity"), page);
        assertTrue(page.contains("an input problem"), page);
        String index = Files.readString(report.resolve("index.html"));
        assertTrue(index.contains("<a class=\"card error\" href=\"cases/blow-up/index.html\">"), index);
        String junit = Files.readString(report.resolve("junit.xml"));
        assertTrue(junit.contains("<testcase classname=\"blow-up\" name=\"(run)\" time=\""), junit);
        assertTrue(junit.contains("<error message=\"blow.yaml:6:8: simulation stopped"), junit);
        assertNoAbsolutePaths(report);
    }

    @Test
    void withDebugACaseThatStopsKeepsItsStackTraceOnStderrAndOnlyThere() throws IOException {
        Path blow = folder.resolve("blow.yaml");
        Files.writeString(blow, "dynamics:\n  name: Blow\n  parameters:\n    k: {value: 50.0}\n"
                + "  state_variables:\n    x: {equation: {rhs: \"k*x**2\"}, initial_value: 1.0}\n"
                + "integration: {step_size: 0.1, duration: 100, time_scale: ms}\n");
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "suite: with an error\ncases:\n  - name: blow-up\n    model: blow.yaml\n");
        Path report = folder.resolve("report");

        assertEquals(2, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertFalse(last.err().contains("\tat "), last.err());

        assertEquals(2, run("check", suite.toString(), "--report", report.toString(), "--debug"), last.describe());
        List<String> err = last.err().lines().toList();
        int stopped = err.indexOf("  " + blow + ":6:8: simulation stopped: state variable x of Blow_inst became"
                + " Infinity at t = 9.000000000000002E-4 s (step 9) (the model may be unstable at this time step; try"
                + " a smaller step)");
        assertTrue(stopped >= 0, last.err());
        assertTrue(err.get(stopped + 1).startsWith("org.lemsbridge.error.BadInputException: "), last.err());
        assertTrue(err.get(stopped + 2).startsWith("\tat org.lemsbridge.suite.ModelRunner.stopped("), last.err());
        assertTrue(err.stream().anyMatch(line -> line.startsWith("Caused by: org.lemsbridge.sim.SimulationException")),
                last.err());
        for (String file : List.of("summary.json", "junit.xml", "index.html", "cases/blow-up/index.html")) {
            assertFalse(Files.readString(report.resolve(file)).contains("\tat org.lemsbridge"), file);
        }
    }

    @Test
    void aFailingIntegrateAndFireCaseReportsItsDifferentSpikeTrains() throws IOException {
        Path shared = SharedFolder.file("reference-data/Ex0_IaF");
        // the candidate: Ex0 with the plain IaF cell's threshold 1 mV lower, so it fires sooner and more often
        String lems = Files.readString(shared.resolve("LEMS_NML2_Ex0_IaF.xml"));
        String lower = lems.replace("<iafCell id=\"iaf\" leakConductance=\"0.2nS\" leakReversal=\"-53mV\"\n"
                + "             thresh=\"-55mV\"", "<iafCell id=\"iaf\" leakConductance=\"0.2nS\" leakReversal=\"-53mV\"\n"
                + "             thresh=\"-56mV\"");
        assertTrue(!lower.equals(lems), "the iaf cell's definition moved");
        Files.writeString(folder.resolve("Ex0_lower.xml"), lower);
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "suite: iaf\ncases:\n  - name: iaf-lower-threshold\n    model: Ex0_lower.xml\n"
                + "    reference: " + shared.resolve("iaf_v.dat.gz") + "\n    tolerance: exact\n");
        Path report = folder.resolve("report");
        assertEquals(1, run("check", suite.toString(), "--report", report.toString()), last.describe());
        JsonNode columns = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("cases").get(0)
                .get("comparison").get("columns");
        for (JsonNode column : columns) {
            JsonNode spikes = column.get("spikes");
            assertEquals("resets to -0.07 V after reaching " + (column.get("quantity").asText().equals("iafPop[0]/v")
                    ? "-0.056" : "-0.055") + " V (the model's thresh)", spikes.get("rule").asText(), column.toString());
            if (column.get("quantity").asText().equals("iafPop[0]/v")) {
                assertEquals("fail", column.get("tier").asText());
                assertTrue(spikes.get("reference").size() > 3, spikes.toString());
                assertTrue(spikes.get("candidate").size() > spikes.get("reference").size(), spikes.toString());
                // both fire at once (v starts above threshold), then the candidate fires sooner
                assertEquals(1, spikes.get("firstDivergentIndex").asInt(), spikes.toString());
            } else {
                assertEquals("exact", column.get("tier").asText(), column.toString());
                assertTrue(spikes.get("reference").size() > 3, spikes.toString());
            }
        }
        String page = Files.readString(report.resolve("cases/iaf-lower-threshold/index.html"));
        assertTrue(page.contains("iafPop[0]/v: not exact: spike steps differ: reference "), page);
    }

    @Test
    void aPerturbedReferenceFailsAndTheReportSaysWhere() throws IOException {
        Path reference = folder.resolve("Ex2_Izh_allcells.dat");
        List<String> rows = gunzip(Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz"));
        String[] fields = rows.get(30000).split("\t");
        fields[4] = Float.toString(Float.parseFloat(fields[4]) + 0.001f);
        rows.set(30000, String.join("\t", fields) + "\t");
        Files.write(reference, rows);
        Files.copy(Path.of("reference-data/Ex2_Izh/manifest.json"), folder.resolve("manifest.json"));
        Path model = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "suite: perturbed\ncases:\n  - name: tonic\n    model: " + model
                + "\n    reference: Ex2_Izh_allcells.dat\n    columns:\n"
                + "      - {reference: \"izpopTonic[0]/v\", candidate: v, candidate_unit: mV}\n    tolerance: exact\n");
        Path report = folder.resolve("report");

        assertEquals(1, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertTrue(last.out().contains("0 passed, 1 failed"), last.out());
        String junit = Files.readString(report.resolve("junit.xml"));
        Matcher failure = Pattern.compile("<failure message=\"([^\"]*)\"").matcher(junit);
        assertTrue(failure.find(), junit);
        assertTrue(failure.group(1).contains("izpopTonic[0]/v"), failure.group(1));
        assertTrue(failure.group(1).contains("row 30000"), failure.group(1));
    }

    @Test
    void aTwentyMillisecondRunAgainstTheTwoHundredMillisecondReferenceFails() throws IOException {
        Path model = CompareCommandTest.shortTonicRun(folder, "20.0");
        Path reference = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        String columns = "    columns:\n      - {reference: \"izpopTonic[0]/v\", candidate: v, candidate_unit: mV}\n";
        Files.writeString(suite, "suite: short\ncases:\n  - name: tonic-20ms\n    model: " + model
                + "\n    reference: " + reference + "\n" + columns + "    tolerance: tolerant\n"
                + "  - name: tonic-20ms-window\n    model: " + model + "\n    reference: " + reference + "\n"
                + columns + "    tolerance: exact\n    window: 0:20ms\n");
        Path report = folder.resolve("report");

        assertEquals(1, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertTrue(last.out().contains("1 passed, 1 failed"), last.out());
        String coverage = "coverage: the candidate (4001 rows) ends at t = 0.02 s, 0.18 s before the reference's"
                + " last time (0.2 s); the reference has 40001 rows from 0 to 0.2 s; a window (--window T0:T1, or"
                + " window: in a suite case) compares a part on purpose";
        String junit = Files.readString(report.resolve("junit.xml"));
        Matcher failure = Pattern.compile("<failure message=\"([^\"]*)\"").matcher(junit);
        assertTrue(failure.find(), junit);
        assertTrue(failure.group(1).contains(coverage), failure.group(1));
        assertFalse(failure.find(), "only the case without a window fails: " + junit);
        JsonNode summary = new ObjectMapper().readTree(report.resolve("summary.json").toFile());
        assertTrue(summary.toString().contains(coverage), summary.toString());
    }

    @Test
    void aWindowInASuiteIsReadWhereItIsWritten() throws IOException {
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n  - name: a\n    model: " + Path.of("examples/izhikevich-tonic.yaml")
                .toAbsolutePath() + "\n    reference: " + Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz")
                .toAbsolutePath() + "\n    window: 5mV:10mV\n");
        assertEquals(2, run("check", suite.toString(), "--report", folder.resolve("r").toString()));
        assertEquals(suite + ":5:13: a window bound must be in a unit of time (s, ms, ...)", last.err().strip());
        assertTrue(Files.notExists(folder.resolve("r")));
    }

    @Test
    void aSuiteWithAMissingModelIsBadInput() throws IOException {
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n  - {name: a, model: missing.yaml, reference: missing.dat}\n");
        assertEquals(2, run("check", suite.toString(), "--report", folder.resolve("r").toString()));
        assertEquals(suite + ":2:22: no such file or folder: " + folder.resolve("missing.yaml"),
                last.err().strip());
        assertTrue(Files.notExists(folder.resolve("r")));
    }

    @Test
    void aCaseWithoutAReferenceIsRunAndDrawn() throws IOException {
        Path model = Path.of("examples/ex2-izhikevich/Ex2_Izh.xml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "suite: run only\ncases:\n  - name: ex2-run\n    model: " + model + "\n");
        Path report = folder.resolve("report");
        assertEquals(0, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertTrue(last.out().contains("1 passed, 0 failed, 0 errors (1 cases, "), last.out());
        assertTrue(last.err().contains("[1/1] ex2-run: PASS (run only)"), last.err());

        JsonNode c = new ObjectMapper().readTree(report.resolve("summary.json").toFile()).get("cases").get(0);
        assertEquals("run", c.get("kind").asText());
        assertEquals("run", c.get("tier").asText());
        assertEquals("cases/ex2-run/thumbnail.png", c.get("thumbnail").asText());
        List<String> plots = new ArrayList<>();
        c.get("plots").forEach(plot -> plots.add(plot.asText()));
        // no Display: the OutputFile's columns by unit, and the EventOutputFile as a raster
        assertEquals(List.of("cases/ex2-run/plots/allcells.png", "cases/ex2-run/plots/spikes.png"), plots);
        assertEquals(1000, ImageIO.read(report.resolve(plots.get(0)).toFile()).getWidth());
        assertEquals(480, ImageIO.read(report.resolve(c.get("thumbnail").asText()).toFile()).getWidth());

        // the raster names every spike the run wrote, one row per EventSelection id
        long spikes;
        try (Stream<String> lines = Files.lines(report.resolve("cases/ex2-run/output/Ex2_Izh_spikes.dat"))) {
            spikes = lines.filter(line -> !line.isBlank()).count();
        }
        assertTrue(spikes > 10, "spikes: " + spikes);
        List<String> texts = org.lemsbridge.plot.PlotImages.texts(
                Files.readString(report.resolve("cases/ex2-run/plots/spikes.svg")));
        assertTrue(texts.contains("EventOutputFile spikes: Ex2_Izh_spikes.dat (" + spikes + " events)"),
                texts.toString());
        assertTrue(texts.containsAll(List.of("0", "1", "2", "3", "EventSelection id")), texts.toString());

        String page = Files.readString(report.resolve("cases/ex2-run/index.html"));
        assertTrue(page.contains("<a href=\"plots/allcells.svg\"><img src=\"plots/allcells.png\" alt=\"allcells\"></a>"),
                page);
        assertTrue(page.contains("<a href=\"plots/spikes.svg\"><img src=\"plots/spikes.png\" alt=\"spikes\"></a>"), page);
        assertTrue(Files.isRegularFile(report.resolve("cases/ex2-run/plots/spikes.svg")));
        assertTrue(page.contains("Ran without error: 2 pictures"), page);
        String index = Files.readString(report.resolve("index.html"));
        assertTrue(index.contains("<img src=\"cases/ex2-run/thumbnail.png\""), index);
        String junit = Files.readString(report.resolve("junit.xml"));
        assertTrue(Pattern.compile("<testcase classname=\"ex2-run\" name=\"\\(run\\)\" time=\"\\d+\\.\\d{3}\"></testcase>")
                .matcher(junit).find(), junit);
        assertNoAbsolutePaths(report);
    }

    @Test
    void aCaseWithoutAReferenceCannotNameColumns() throws IOException {
        Path model = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n  - name: tonic\n    model: " + model + "\n    columns: [v]\n");
        assertEquals(2, run("check", suite.toString(), "--report", folder.resolve("r").toString()));
        assertEquals(suite + ":4:14: case 'tonic' has 'columns' but no 'reference' to compare with\n"
                + "  hint: add a 'reference' trace, or leave 'columns' out to run the model and draw it",
                last.err().strip());
    }

    @Test
    void aRerunReplacesTheReportFolderSoNoStaleCaseIsLeft() throws IOException {
        Path model = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Path report = folder.resolve("report");
        Files.writeString(suite, "cases:\n  - name: first-name\n    model: " + model + "\n");
        assertEquals(0, run("check", suite.toString(), "--report", report.toString()), last.describe());
        assertTrue(Files.isRegularFile(report.resolve("cases/first-name/index.html")));

        Files.writeString(suite, "cases:\n  - name: renamed\n    model: " + model + "\n");
        assertEquals(0, run("check", suite.toString(), "--report", report.toString()), last.describe());
        try (Stream<Path> cases = Files.list(report.resolve("cases"))) {
            assertEquals(List.of("renamed"), cases.map(p -> p.getFileName().toString()).toList());
        }
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(List.of("report", "suite.yaml"),
                    beside.map(p -> p.getFileName().toString()).sorted().toList(), "nothing left beside the report");
        }
    }

    @Test
    void aFolderThatIsNotAReportIsNeverReplaced() throws IOException {
        Path model = Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath();
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n  - name: tonic\n    model: " + model + "\n");
        Path mine = Files.createDirectories(folder.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        assertEquals(2, run("check", suite.toString(), "--report", mine.toString()));
        assertEquals(mine + ":0:0: will not replace " + mine + ": it is neither empty nor a lemsbridge report (no"
                + " summary.json in it)\n  hint: name a new folder with --report; check replaces its report folder as a"
                + " whole", last.err().strip());
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
        try (Stream<Path> beside = Files.list(folder)) {
            assertEquals(List.of("mine", "suite.yaml"), beside.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static List<String> gunzip(Path file) throws IOException {
        List<String> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line);
            }
        }
        return rows;
    }
}
