package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void theBundledEx2SuitePassesExactlyAndWritesEveryReport() throws IOException {
        Path report = folder.resolve("report");
        Path junit = folder.resolve("junit.xml");
        int code = run("check", "examples/suite.yaml", "--report", report.toString(), "--junit", junit.toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains("7 passed, 0 failed, 0 errors"), out.toString());

        String xml = Files.readString(junit);
        assertEquals(28, count(xml, "<testcase "), xml);
        assertEquals(0, count(xml, "<failure"), xml);
        assertEquals(xml, Files.readString(report.resolve("junit.xml")));

        String summary = Files.readString(report.resolve("summary.json"));
        assertEquals(7, count(summary, "\"status\": \"pass\""), summary);
        assertEquals(7, count(summary, "\"status\": \"pass\", \"tier\": \"exact\""), summary);
        assertTrue(Files.readString(report.resolve("index.html")).contains("7 passed, 0 failed"));

        Path plot = report.resolve("cases/tonic-yaml/plots/01-izpopTonic_0__v.png");
        assertEquals(1000, ImageIO.read(plot.toFile()).getWidth());
        assertTrue(Files.readString(report.resolve("report.md")).contains("cases/tonic-yaml/plots/01-izpopTonic_0__v.png"));
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

        assertEquals(1, run("check", suite.toString(), "--report", report.toString()), out + "\n" + err);
        assertTrue(out.toString().contains("0 passed, 1 failed"), out.toString());
        String junit = Files.readString(report.resolve("junit.xml"));
        Matcher failure = Pattern.compile("<failure message=\"([^\"]*)\"").matcher(junit);
        assertTrue(failure.find(), junit);
        assertTrue(failure.group(1).contains("izpopTonic[0]/v"), failure.group(1));
        assertTrue(failure.group(1).contains("row 30000"), failure.group(1));
    }

    @Test
    void aSuiteWithAMissingModelIsBadInput() throws IOException {
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n  - {name: a, model: missing.yaml, reference: missing.dat}\n");
        assertEquals(2, run("check", suite.toString(), "--report", folder.resolve("r").toString()));
        assertEquals(suite + ":2:22: no such file or folder: " + folder.resolve("missing.yaml"),
                err.toString().strip());
        assertTrue(Files.notExists(folder.resolve("r")));
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
