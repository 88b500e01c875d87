package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What jnml users type: {@code -nogui}, {@code -I a:b}, a report file in the Target, {@code --version}. */
class JnmlHabitsTest {
    @TempDir
    Path folder;

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(JnmlHabitsTest.class.getResource("/org/lemsbridge/jnml/" + name).toURI());
    }

    @Test
    void noguiIsAcceptedAndSaysNothing() throws Exception {
        Path with = folder.resolve("with");
        Path without = folder.resolve("without");
        Path model = fixture("report_and_times.xml");
        assertEquals(0, run("simulate", model.toString(), "-o", without.toString()), last.err());
        String plain = last.out().replace(without.toString(), "OUT");
        assertEquals(0, run("simulate", model.toString(), "-nogui", "-o", with.toString()), last.err());
        assertEquals(plain, last.out().replace(with.toString(), "OUT"));
        assertEquals("", last.err());
        assertArrayEquals(Files.readAllBytes(without.resolve("report_and_times.dat")),
                Files.readAllBytes(with.resolve("report_and_times.dat")));
    }

    @Test
    void includeFoldersMayBeJoinedWithColonsOrRepeated() throws IOException {
        Path a = Files.createDirectory(folder.resolve("a"));
        Path b = Files.createDirectory(folder.resolve("b"));
        Files.writeString(a.resolve("dims.xml"), "<Lems><Dimension name=\"time\" t=\"1\"/></Lems>\n");
        Files.writeString(b.resolve("units.xml"), "<Lems><Unit symbol=\"ms\" dimension=\"time\" power=\"-3\"/></Lems>\n");
        Path model = Files.writeString(Files.createDirectory(folder.resolve("m")).resolve("model.xml"),
                "<Lems><Include file=\"dims.xml\"/><Include file=\"units.xml\"/></Lems>\n");
        assertEquals(0, run("validate", model.toString(), "-I", a + ":" + b), last.err());
        assertEquals(0, run("validate", model.toString(), "-I", a.toString(), "-I", b.toString()), last.err());
        assertEquals(2, run("validate", model.toString(), "-I", a.toString()));
        assertTrue(last.err().contains("included file 'units.xml' not found"), last.err());
    }

    @Test
    void aMissingIncludeFolderIsAnError() {
        Path missing = folder.resolve("no-such-folder");
        assertEquals(2, run("simulate", "examples/izhikevich-tonic.yaml", "-I", missing.toString(), "-o",
                folder.toString()));
        assertEquals(missing + ":0:0: -I folder does not exist", last.err().lines().findFirst().orElseThrow());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theTargetsTimesFileHasJlemsBytesAndItsReportJlemsKeys() throws Exception {
        Path model = fixture("report_and_times.xml");
        Path jlems = fixture("jlems/report_and_times");
        assertEquals(0, run("simulate", model.toString(), "-o", folder.toString()), last.err());
        assertArrayEquals(Files.readAllBytes(jlems.resolve("times.dat")), Files.readAllBytes(folder.resolve("times.dat")));
        assertArrayEquals(Files.readAllBytes(jlems.resolve("report_and_times.dat")),
                Files.readAllBytes(folder.resolve("report_and_times.dat")));
        List<String> theirs = Files.readAllLines(jlems.resolve("report.jLEMS.txt"));
        List<String> ours = Files.readAllLines(folder.resolve("report.lemsbridge.txt"));
        assertEquals(theirs.size(), ours.size(), ours.toString());
        assertEquals(theirs.get(0).replace("jLEMS v0.11.1", "lemsbridge v" + version()), ours.get(0));
        assertEquals(List.of("Simulator=lemsbridge", "SimulatorVersion=" + version(), "SimulationFile="
                + model.toAbsolutePath()), ours.subList(1, 4));
        assertTrue(ours.get(4).matches("StartTime=\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), ours.get(4));
        for (int i = 5; i < theirs.size(); i++) {
            String key = theirs.get(i).substring(0, theirs.get(i).indexOf('=') + 1);
            assertTrue(ours.get(i).startsWith(key) && ours.get(i).substring(key.length()).matches("\\d+\\.\\d+"),
                    ours.get(i));
        }
        assertTrue(last.out().contains("wrote " + folder.resolve("report.lemsbridge.txt") + " (the Target's report)"),
                last.out());
    }

    @Test
    void versionNamesTheCommitItWasBuiltFrom() throws Exception {
        assertEquals(0, run("--version"));
        String line = last.out().strip();
        assertTrue(Pattern.matches("lemsbridge \\S+ \\(commit ([0-9a-f]{40}|unknown)(, with uncommitted changes)?\\)",
                line), line);
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0) {
            assertTrue(line.contains("(commit " + head), line + " is not HEAD " + head);
        }
    }

    private static String version() {
        return org.lemsbridge.files.BuildInfo.current().version();
    }
}
