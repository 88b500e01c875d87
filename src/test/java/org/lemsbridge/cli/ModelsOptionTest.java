package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --models DIR} on the commands that read experiments, and {@code models:} in a suite: a reference to a model
 * of the folder runs as the model written out, and without the folder it is one line at the iri, exit 2.
 */
class ModelsOptionTest {

    private static final String BY_IRI = "dynamics:\n  iri: tvbo:Relax2d\n  parameters: {a: 0.9}\n"
            + "integration: {method: euler, step_size: 0.01, duration: 2.0}\n";

    @TempDir
    Path dir;

    private static Path models() {
        try {
            return Path.of(ModelsOptionTest.class.getResource("/org/lemsbridge/experiment/models").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void simulateWithModelsWritesTheBytesOfTheModelWrittenOut() throws IOException {
        Path byIri = write("byiri.yaml", BY_IRI);
        StringBuilder full = new StringBuilder("dynamics:\n");
        Files.readString(models().resolve("Relax2d.yaml")).replace("value: 0.7", "value: 0.9").lines()
                .forEach(line -> full.append("  ").append(line).append('\n'));
        full.append("integration: {method: euler, step_size: 0.01, duration: 2.0}\n");
        Path written = write("full.yaml", full.toString());
        CliRun referenced = CliRun.of("simulate", byIri.toString(), "--models", models().toString(), "-o",
                dir.resolve("a").toString());
        assertEquals(0, referenced.exitCode(), referenced.describe());
        CliRun plain = CliRun.of("simulate", written.toString(), "-o", dir.resolve("b").toString());
        assertEquals(0, plain.exitCode(), plain.describe());
        byte[] expected = Files.readAllBytes(dir.resolve("b/Relax2d.dat"));
        assertEquals(201, new String(expected).lines().count());
        assertArrayEquals(expected, Files.readAllBytes(dir.resolve("a/Relax2d.dat")));
    }

    @Test
    void withoutModelsEachCommandSaysSoInOneLineAtTheIri() throws IOException {
        Path byIri = write("byiri.yaml", BY_IRI);
        String expected = byIri + ":2:8: dynamics.iri 'tvbo:Relax2d' names a model of TVBO's library; set --models DIR"
                + " (a TVBO checkout's database/models)";
        for (List<String> args : List.of(List.of("render", byIri.toString(), "-o", dir.resolve("x.xml").toString()),
                List.of("simulate", byIri.toString(), "-o", dir.resolve("out").toString()))) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), run.describe());
            assertEquals(List.of(expected), run.errLines(), run.describe());
        }
        assertTrue(Files.notExists(dir.resolve("x.xml")));
        CliRun validate = CliRun.of("validate", byIri.toString());
        assertTrue(validate.out().contains(expected) || validate.err().contains(expected), validate.describe());
        CliRun valid = CliRun.of("validate", byIri.toString(), "--models", models().toString());
        assertEquals(0, valid.exitCode(), valid.describe());
        CliRun rendered = CliRun.of("render", byIri.toString(), "--models", models().toString());
        assertEquals(0, rendered.exitCode(), rendered.describe());
        assertTrue(rendered.out().contains("a=\"0.9\""), rendered.out());
    }

    @Test
    void aMissingModelFolderIsRefused() throws IOException {
        Path byIri = write("byiri.yaml", BY_IRI);
        Path missing = dir.resolve("nope");
        CliRun run = CliRun.of("render", byIri.toString(), "--models", missing.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(missing + ":0:0: the model folder " + missing + " does not exist", run.errLines().get(0));
    }

    @Test
    void aSuitesModelsFolderIsRelativeToTheSuiteFile() throws IOException {
        Path library = Files.createDirectories(dir.resolve("lib"));
        Files.copy(models().resolve("Relax2d.yaml"), library.resolve("Relax2d.yaml"));
        write("byiri.yaml", BY_IRI);
        Path suite = write("suite.yaml", "suite: refs\nmodels: lib\ncases:\n  - {name: by-iri, model: byiri.yaml}\n");
        CliRun run = CliRun.of("check", suite.toString(), "--report", dir.resolve("report").toString());
        assertEquals(0, run.exitCode(), run.describe());
        Path withoutModels = write("bare.yaml", "suite: refs\ncases:\n  - {name: by-iri, model: byiri.yaml}\n");
        CliRun bare = CliRun.of("check", withoutModels.toString(), "--report", dir.resolve("report2").toString());
        assertEquals(2, bare.exitCode(), bare.describe());
        assertTrue(bare.err().contains("names a model of TVBO's library; set --models DIR"), bare.describe());
        CliRun given = CliRun.of("check", withoutModels.toString(), "--models", library.toString(), "--report",
                dir.resolve("report3").toString());
        assertEquals(0, given.exitCode(), given.describe());
        Path wrongFolder = write("wrong.yaml", "suite: refs\nmodels: libs\ncases:\n  - {name: r, model: byiri.yaml}\n");
        CliRun wrong = CliRun.of("check", wrongFolder.toString(), "--report", dir.resolve("report4").toString());
        assertEquals(2, wrong.exitCode(), wrong.describe());
        assertEquals(wrongFolder + ":2:9: no such file or folder: " + dir.resolve("libs"), wrong.errLines().get(0));
    }
}
