package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --format github} and {@code --format sarif} on a suite with a passing case, a failing one (its
 * reference drifted by 2 mV after 100 ms) and an erroring one (a misspelled output): each case that did not pass is
 * one annotation / SARIF result at its line in the suite file, with its rule; validation findings in a case's model
 * are reported at the model's lines, as validate reports them, before anything runs.
 */
class CheckCiFormatsTest {

    /** {@code ::error file=F,line=L,col=C,title=T::MESSAGE}: property values without raw ',' ':' CR LF, message without CR LF. */
    private static final Pattern WORKFLOW_COMMAND = Pattern.compile(
            "::(error|warning|notice) file=([^,:\\r\\n]+)(?:,line=(\\d+))?(?:,col=(\\d+))?,title=([^,:\\r\\n]+)::([^\\r\\n]*)");

    private static final Path REFERENCE = Path.of("reference-data/Ex2_Izh");

    @TempDir
    Path temp;

    /** The three-case suite in {@code folderName} under the temporary folder. */
    private Path suite(String folderName) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(folderName));
        Path drifted = Files.createDirectories(folder.resolve("drifted"));
        Files.copy(REFERENCE.resolve("manifest.json"), drifted.resolve("manifest.json"));
        driftTonicVoltage(REFERENCE.resolve("Ex2_Izh_allcells.dat.gz"), drifted.resolve("Ex2_Izh_allcells.dat.gz"));
        Files.copy(Path.of("examples/izhikevich-tonic.yaml"), folder.resolve("tonic.yaml"));
        Path reference = REFERENCE.resolve("Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        return Files.writeString(folder.resolve("suite.yaml"), """
                suite: three outcomes
                cases:
                  - name: passes
                    model: tonic.yaml
                    reference: %1$s
                    columns:
                      - {reference: "izpopTonic[0]/v", candidate: v, candidate_unit: mV}
                  - name: drifts 100%%
                    model: tonic.yaml
                    reference: drifted/Ex2_Izh_allcells.dat.gz
                    columns:
                      - {reference: "izpopTonic[0]/v", candidate: v, candidate_unit: mV}
                  - name: stops
                    model: tonic.yaml
                    output: IzhikevichCel.dat
                    reference: %1$s
                """.formatted(reference));
    }

    /** The reference with izpopTonic[0]/v (column 4, volts) 2 mV higher from t = 0.1 s on. */
    private static void driftTonicVoltage(Path from, Path to) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(from)),
                StandardCharsets.UTF_8));
             Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(to)), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] values = line.split("\t");
                if (Double.parseDouble(values[0]) >= 0.1) {
                    values[4] = Double.toString(Double.parseDouble(values[4]) + 0.002);
                }
                out.write(String.join("\t", values));
                out.write('\n');
            }
        }
    }

    @Test
    void githubAnnotatesEachCaseThatDidNotPassAtItsSuiteLine() throws IOException {
        Path suite = suite("ci, checks: a");
        Path report = temp.resolve("report");
        CliRun run = CliRun.of("check", suite.toString(), "--report", report.toString(), "--jobs", "1",
                "--format", "github", "--root", temp.toString());
        assertEquals(2, run.exitCode(), run.describe());
        List<String> annotations = run.out().lines().filter(line -> line.startsWith("::")).toList();
        assertEquals(2, annotations.size(), run.out());
        List<String> parsed = new ArrayList<>();
        for (String line : annotations) {
            Matcher command = WORKFLOW_COMMAND.matcher(line);
            assertTrue(command.matches(), line);
            parsed.add(command.group(1) + " " + command.group(2) + ":" + command.group(3) + ":" + command.group(4)
                    + " " + command.group(5));
        }
        assertEquals(List.of(
                "error ci%2C checks%3A a/suite.yaml:8:5 LB601 CASE_FAILED",
                "error ci%2C checks%3A a/suite.yaml:13:5 LB602 CASE_ERROR"), parsed);
        String failed = annotations.get(0);
        assertTrue(failed.contains("::case 'drifts 100%25': FAIL (fail; required "), failed);
        assertTrue(failed.contains("izpopTonic[0]/v"), failed);
        assertTrue(failed.contains("%0Ahint: the case's page " + report.resolve("cases") + "/"), failed);
        String stopped = annotations.get(1);
        assertTrue(stopped.contains("::case 'stops': ERROR: " + suite + ":13:5: the model writes no output"
                + " 'IzhikevichCel.dat'; it writes [IzhikevichCell.dat] (did you mean 'IzhikevichCell.dat'?)"), stopped);
        assertTrue(run.out().contains("1 passed, 1 failed, 1 error"), run.out());
        assertTrue(Files.isRegularFile(report.resolve("summary.json")), "the report is written as in text");
    }

    @Test
    void sarifHasARuleAndAResultPerCaseThatDidNotPass() throws IOException {
        Path suite = suite("suites");
        CliRun run = CliRun.of("check", suite.toString(), "--report", temp.resolve("report").toString(), "--jobs", "1",
                "--format", "sarif", "--root", temp.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("1 passed, 1 failed, 1 error"), "the table goes to stderr: " + run.err());
        SarifLog log = SarifLog.read(run.out());
        for (JsonNode rule : log.rules()) {
            assertTrue(rule.get("help").get("text").asText().endsWith("Every code is listed in"
                    + " docs/validate-and-hostile-input.md."), rule.toString());
            assertEquals("error", rule.get("defaultConfiguration").get("level").asText());
        }
        assertEquals(List.of("LB601", "LB602"), log.ruleIds());
        assertTrue(log.rules().get(0).get("help").get("text").asText().contains("cases/NAME/index.html"));
        List<String> located = log.locatedResults();
        List<String> messages = log.messages();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < located.size(); i++) {
            results.add(located.get(i) + " " + messages.get(i).split(":")[0]);
        }
        assertEquals(List.of("LB601 error suites/suite.yaml:8:5 case 'drifts 100%'",
                "LB602 error suites/suite.yaml:13:5 case 'stops'"), results);
        assertEquals(temp.toAbsolutePath().toUri().toString(), log.sourceRoot());
    }

    @Test
    void findingsInACaseModelAreAnnotatedAtTheModelsLinesBeforeAnythingRuns() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("models"));
        Files.writeString(folder.resolve("cell.xml"), """
                <Lems>
                    <Include file="Cells.xml"/>
                    <iafTauCell id="iaf" leakReversal="-65mV" threshh="-55mV" reset="-70mV" tau="30ms"/>
                </Lems>
                """);
        Path suite = Files.writeString(folder.resolve("suite.yaml"), """
                suite: a model with a typo
                cases:
                  - name: typo
                    model: cell.xml
                """);
        Path report = temp.resolve("report");
        CliRun github = CliRun.of("check", suite.toString(), "--report", report.toString(), "--format", "github",
                "--root", temp.toString());
        assertEquals(2, github.exitCode(), github.describe());
        assertEquals("""
                ::error file=models/cell.xml,line=3,col=47,title=LB210 UNKNOWN_ATTRIBUTE::iaf (iafTauCell) has no \
                attribute 'threshh'%0Ahint: did you mean 'thresh'?
                ::error file=models/cell.xml,line=3,col=5,title=LB211 MISSING_PARAMETER::iaf (iafTauCell) gives no \
                value for its parameter 'thresh' (voltage)%0Ahint: add thresh="..." to the component
                """, github.out());
        assertEquals(List.of(folder.resolve("cell.xml") + ":3:47: iaf (iafTauCell) has no attribute 'threshh' [LB210]",
                "  hint: did you mean 'thresh'?"), github.errLines(), "stderr as in text: the first error");
        assertFalse(Files.exists(report), "nothing ran");
        CliRun text = CliRun.of("check", suite.toString(), "--report", report.toString());
        assertEquals(2, text.exitCode());
        assertEquals("", text.out());
        assertEquals(github.errLines(), text.errLines());
    }
}
