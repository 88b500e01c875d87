package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --format github} and {@code --format sarif}: the structure each consumer requires, checked field by
 * field (SARIF 2.1.0) and line by line (GitHub's workflow-command syntax), on findings, a warning and an unreadable
 * file; and folders walked with YAML told apart by content.
 */
class CiFormatsTest {

    @TempDir
    Path temp;

    /** {@code ::error file=F,line=L,col=C,title=T::MESSAGE}: property values without raw ',' ':' CR LF, message without CR LF. */
    private static final Pattern WORKFLOW_COMMAND = Pattern.compile(
            "::(error|warning|notice) file=([^,:\\r\\n]+)(?:,line=(\\d+))?(?:,col=(\\d+))?,title=([^,:\\r\\n]+)::([^\\r\\n]*)");

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /** Two findings on line 3 (a misspelled attribute and the parameter it leaves out), one in a sub-folder. */
    private Path files() throws IOException {
        Files.writeString(temp.resolve("cell.xml"), """
                <Lems>
                    <Include file="Cells.xml"/>
                    <iafTauCell id="iaf" leakReversal="-65mV" threshh="-55mV, 100%" reset="-70mV" tau="30ms"/>
                </Lems>
                """);
        Path models = Files.createDirectories(temp.resolve("models"));
        Files.writeString(models.resolve("twice.xml"), """
                <Lems>
                    <Dimension name="time" t="1"/>
                    <ComponentType name="A"/>
                    <ComponentType name="A"/>
                </Lems>
                """);
        Files.writeString(models.resolve("broken.xml"), "<Lems>\n<oops\n");
        Files.createDirectories(temp.resolve(".git"));
        Files.writeString(temp.resolve(".git/ignored.xml"), "<oops");
        Files.writeString(temp.resolve("notes.txt"), "not a model");
        Files.writeString(temp.resolve("environment.yml"), "name: some other tool's YAML\ndependencies: [python]\n");
        return temp;
    }

    @Test
    void githubAnnotationsFollowTheWorkflowCommandSyntaxLineByLine() throws IOException {
        Path folder = files();
        CliRun run = run("validate", folder.toString(), "--format", "github", "--root", folder.toString());
        assertEquals(2, run.exitCode());
        List<String> lines = run.out().lines().toList();
        List<String> parsed = new ArrayList<>();
        for (String line : lines) {
            Matcher command = WORKFLOW_COMMAND.matcher(line);
            assertTrue(command.matches(), line);
            parsed.add(command.group(1) + " " + command.group(2) + ":" + command.group(3) + ":" + command.group(4)
                    + " " + command.group(5));
        }
        assertEquals(List.of(
                "error cell.xml:3:47 LB210 UNKNOWN_ATTRIBUTE",
                "error cell.xml:3:5 LB211 MISSING_PARAMETER",
                "error models/broken.xml:3:1 LB100 UNREADABLE",
                "warning models/twice.xml:4:5 LB202 DUPLICATE_TYPE"), parsed);
        assertEquals("::error file=cell.xml,line=3,col=47,title=LB210 UNKNOWN_ATTRIBUTE::iaf (iafTauCell) has no"
                + " attribute 'threshh'%0Ahint: did you mean 'thresh'?", lines.get(0));
    }

    @Test
    void sarifHasTheStructureSarif210Requires() throws IOException {
        Path folder = files();
        CliRun run = run("validate", folder.toString(), "--format", "sarif", "--root", folder.toString());
        assertEquals(2, run.exitCode());
        SarifLog log = SarifLog.read(run.out());
        for (JsonNode rule : log.rules()) {
            assertTrue(List.of("error", "warning").contains(rule.get("defaultConfiguration").get("level").asText()));
        }
        assertEquals(List.of("LB100", "LB202", "LB210", "LB211"), log.ruleIds());
        assertEquals(List.of("LB210 error cell.xml:3:47", "LB211 error cell.xml:3:5", "LB100 error models/broken.xml:3:1",
                "LB202 warning models/twice.xml:4:5"), log.locatedResults());
        assertEquals(folder.toAbsolutePath().toUri().toString(), log.sourceRoot());
    }

    @Test
    void yamlIsToldApartByContentAndASuiteIsValidatedCaseByCase() throws IOException {
        Files.writeString(temp.resolve("model.xml"), """
                <Lems>
                    <Include file="Cells.xml"/>
                    <iafTauCell id="iaf" leakReversal="-65mV" thresh="-55mV" reset="-70mV" tau="30mss"/>
                </Lems>
                """);
        Path suite = Files.writeString(temp.resolve("suite.yaml"), """
                suite: one case
                cases:
                  - name: typo
                    model: model.xml
                    reference: model.xml
                """);
        CliRun run = run("validate", suite.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals(temp.resolve("model.xml") + ":3:76: error LB212: parameter 'tau' of iafTauCell: unknown unit"
                + " 'mss' in quantity '30mss'\n  hint: did you mean 'ms'?\n", run.out());
        assertEquals(0, run("validate", "examples").exitCode());
        Path other = Files.writeString(temp.resolve("mkdocs.yml"), "site_name: docs\n");
        assertEquals(2, run("validate", other.toString()).exitCode(), "named explicitly, the experiment reader refuses it");
        CliRun simulate = run("simulate", suite.toString());
        assertEquals(2, simulate.exitCode());
        assertTrue(simulate.err().startsWith(suite + ":0:0: this is a suite file, not a model"), simulate.err());
    }
}
