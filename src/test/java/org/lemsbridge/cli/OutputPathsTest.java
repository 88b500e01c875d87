package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.files.Staging;

/**
 * {@code render -o} and {@code import -o} write all their files or none (a folder in the way, a disk that fills up at
 * any file), and output paths that cannot be written ({@code --junit} a folder, a file where a folder should be) are
 * refused before any work: one line, exit 2, nothing written.
 */
class OutputPathsTest {
    private static final String EX2 = "examples/ex2-izhikevich/Ex2_Izh.xml";
    private static final String TONIC = "examples/izhikevich-tonic.yaml";

    @TempDir
    Path folder;

    /** Every file under {@code root} (hidden ones too) with its text; folders as "folder". */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).toList()) {
                entries.put(root.relativize(path).toString(), Files.isDirectory(path) ? "folder"
                        : Files.readString(path));
            }
        }
        return entries;
    }

    /** The files {@code import} writes for Ex2, with earlier contents no import writes. */
    private List<Path> earlierImport(Path out) throws IOException {
        CliRun fresh = CliRun.of("import", EX2, "-o", folder.resolve("fresh").toString());
        assertEquals(0, fresh.exitCode(), fresh.describe());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> written = Files.list(folder.resolve("fresh"))) {
            for (Path file : written.sorted().toList()) {
                files.add(Files.writeString(Files.createDirectories(out).resolve(file.getFileName()), "earlier "
                        + file.getFileName() + "\n"));
            }
        }
        assertTrue(files.size() >= 3, files.toString());
        return files;
    }

    @Test
    void importWithAFolderInTheWayOfItsLastFileLeavesEveryEarlierFileAsItWas() throws IOException {
        Path out = folder.resolve("out");
        List<Path> files = earlierImport(out);
        Path last = files.get(files.size() - 1);
        Files.delete(last);
        Files.createDirectories(last);
        Files.writeString(last.resolve("keep.txt"), "the user's\n");
        Map<String, String> before = snapshot(out);

        CliRun run = CliRun.of("import", EX2, "-o", out.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(last + ": cannot write: is a folder"), run.errLines());
        assertEquals(before, snapshot(out));
    }

    @Test
    void aDiskThatFillsUpAtAnyFileOfAnImportLeavesEveryEarlierFileAsItWas() throws IOException {
        Path out = folder.resolve("out");
        List<Path> files = earlierImport(out);
        List<OutputFiles.Text> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(new OutputFiles.Text(file, Files.readString(folder.resolve("fresh").resolve(file.getFileName()))));
        }
        Map<String, String> before = snapshot(out);
        for (int failing = 1; failing <= files.size(); failing++) {
            AtomicInteger opened = new AtomicInteger();
            int which = failing;
            Staging.Writes full = temporary -> {
                if (opened.incrementAndGet() == which) {
                    throw new FileSystemException(temporary.toString(), null, "No space left on device");
                }
                return Files.newOutputStream(temporary);
            };
            BadInputException e;
            try (Staging staging = Staging.create(full)) {
                e = assertThrows(BadInputException.class, () -> OutputFiles.writeAll(staging, texts));
            }
            assertEquals(files.get(failing - 1) + ": cannot write: No space left on device", e.oneLine());
            assertEquals(before, snapshot(out), "disk full at file " + failing);
        }
        try (Staging staging = Staging.create()) {
            OutputFiles.writeAll(staging, texts);
        }
        assertEquals(snapshot(folder.resolve("fresh")), snapshot(out), "and with room, every file new");
    }

    @Test
    void renderRefusesAFolderAndItsOwnInputAndMakesAMissingFolder() throws IOException {
        Path taken = Files.createDirectories(folder.resolve("taken.xml"));
        CliRun intoFolder = CliRun.of("render", TONIC, "-o", taken.toString());
        assertEquals(2, intoFolder.exitCode(), intoFolder.describe());
        assertEquals(List.of(taken + ": cannot write: is a folder"), intoFolder.errLines());
        assertEquals(List.of("taken.xml"), names(folder));

        Path experiment = Files.copy(Path.of(TONIC), folder.resolve("tonic.yaml"));
        String text = Files.readString(experiment);
        CliRun ontoItself = CliRun.of("render", experiment.toString(), "-o", experiment.toString());
        assertEquals(2, ontoItself.exitCode(), ontoItself.describe());
        assertEquals(List.of(experiment + ":0:0: will not overwrite the experiment being rendered: give another -o"
                + " file"), ontoItself.errLines());
        assertEquals(text, Files.readString(experiment));

        Path missing = folder.resolve("new/folder/tonic.xml");
        CliRun created = CliRun.of("render", TONIC, "-o", missing.toString());
        assertEquals(0, created.exitCode(), created.describe());
        assertTrue(Files.readString(missing).contains("<Lems"), "the LEMS written");
        assertEquals(List.of("tonic.xml"), names(missing.getParent()));
    }

    @Test
    void checkRefusesAnUnwritableJUnitFileBeforeAnyCaseRuns() throws IOException {
        Path suite = Files.writeString(folder.resolve("suite.yaml"), "cases:\n  - name: tonic\n    model: "
                + Path.of(TONIC).toAbsolutePath() + "\n");
        Path junitFolder = Files.createDirectories(folder.resolve("junit.xml"));
        Path report = folder.resolve("report");

        CliRun run = CliRun.of("check", suite.toString(), "--report", report.toString(), "--junit",
                junitFolder.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(junitFolder + ": cannot write: is a folder"), run.errLines(), "no case ran");
        assertEquals("", run.out());
        assertEquals(List.of("junit.xml", "suite.yaml"), names(folder), "no report, nothing hidden");

        Path aFile = Files.writeString(folder.resolve("a-file"), "the user's\n");
        CliRun underAFile = CliRun.of("check", suite.toString(), "--report", report.toString(), "--junit",
                aFile.resolve("junit.xml").toString());
        assertEquals(2, underAFile.exitCode(), underAFile.describe());
        assertEquals(List.of(aFile.resolve("junit.xml") + ": cannot write: " + aFile.toAbsolutePath()
                + " is a file, not a folder"), underAFile.errLines());
        assertEquals(List.of("a-file", "junit.xml", "suite.yaml"), names(folder));

        Path junit = folder.resolve("ci/junit.xml");
        CliRun written = CliRun.of("check", suite.toString(), "--report", report.toString(), "--junit",
                junit.toString());
        assertEquals(0, written.exitCode(), written.describe());
        assertEquals(Files.readString(report.resolve("junit.xml")), Files.readString(junit),
                "--junit is the report's junit.xml, put in place with it");
        assertEquals(List.of("junit.xml"), names(junit.getParent()));
    }

    @Test
    void omvRefusesAnUnwritableJUnitFileBeforeAnyTestRuns() throws IOException {
        Path junitFolder = Files.createDirectories(folder.resolve("omv.xml"));
        Path omt = Files.writeString(folder.resolve(".test.omt"), "target: missing.xml\nengine: jNeuroML\n");
        CliRun run = CliRun.of("omv", omt.toString(), "--junit", junitFolder.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(junitFolder + ": cannot write: is a folder"), run.errLines());
        assertEquals("", run.out());
        assertEquals(List.of(".test.omt", "omv.xml"), names(folder), "nothing written, nothing hidden");
        assertEquals(List.of(), names(junitFolder));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
