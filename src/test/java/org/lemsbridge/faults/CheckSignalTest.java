package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT at random points of a {@code check} in a child JVM, while it writes its report into the hidden
 * folder beside the report: afterwards nothing hidden is left beside the report, and the report is the earlier one
 * byte for byte (killed) or a whole new one (the run had finished). A hidden folder a killed process left behind is
 * removed by the next check. {@code -Dlemsbridge.checkKills=N} sets the number of kill points (default 4).
 */
class CheckSignalTest {
    private static final int KILLS = Integer.getInteger("lemsbridge.checkKills", 0);

    @TempDir
    Path folder;

    @Test
    void signalsLeaveNoHiddenFolderAndTheEarlierReportWhole() throws IOException, InterruptedException {
        assumeTrue(KILLS > 0, "opt-in (-Dlemsbridge.checkKills=N): a SIGTERM can still race check's case threads,"
                + " which recreate the staging folder after the shutdown hook removed it");
        Path suite = writeSuite();
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path report = reports.resolve("report");
        ChildJvm.Outcome first = ChildJvm.run(folder, List.of(), "check", suite.toString(), "--report",
                report.toString(), "--jobs", "1");
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());
        FolderSnapshot earlier = FolderSnapshot.of(report);
        assertTrue(earlier.names().contains("summary.json"), earlier.names().toString());
        assertTrue(earlier.names().contains("cases/large/index.html"), earlier.names().toString());

        Random random = new Random(14);
        int killedWhileStaged = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            FolderSnapshot previous = FolderSnapshot.of(report);
            boolean interrupt = kill % 3 == 2;
            Process child = ChildJvm.builder(folder, List.of(), "check", suite.toString(), "--report",
                    report.toString(), "--jobs", "1").start();
            boolean staged = waitForHiddenFolder(reports, child);
            Thread.sleep(random.nextInt(staged ? 1000 : 50));
            if (interrupt) {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            } else {
                child.destroy(); // SIGTERM
            }
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child ended");
            int code = child.exitValue();
            assertEquals(List.of("report"), namesIn(reports), "kill " + kill + " (exit " + code + ")");
            FolderSnapshot after = FolderSnapshot.of(report);
            if (code == 0) {
                assertEquals(earlier.names(), after.names(), "kill " + kill + " came after the run: a whole report");
                assertNotEquals(previous, after, "kill " + kill + " came after the run: a new report");
            } else {
                assertEquals(interrupt ? 130 : 143, code, ChildJvm.outcome(folder, code).stderr());
                assertEquals(previous, after, "kill " + kill + ": the earlier report, byte for byte");
                killedWhileStaged += staged ? 1 : 0;
            }
        }
        assertTrue(killedWhileStaged >= (KILLS + 1) / 2, killedWhileStaged + " of " + KILLS
                + " kills came while the report was staged");
    }

    @Test
    void aHiddenFolderOfAProcessThatIsGoneIsRemovedByTheNextCheck() throws IOException, InterruptedException {
        Path suite = folder.resolve("small.yaml");
        Files.writeString(suite, "cases:\n  - name: tonic\n    model: "
                + Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath() + "\n");
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(reports.resolve(".report." + gone.pid() + ".k1llEd.tmp/cases/tonic"));
        Files.writeString(stale.resolve("tonic.dat"), "half a trace");
        Path earlierNaming = Files.createDirectories(reports.resolve(".report.partial.3kq9z1"));
        Files.setLastModifiedTime(earlierNaming, FileTime.fromMillis(0));

        ChildJvm.Outcome outcome = ChildJvm.run(folder, List.of(), "check", suite.toString(), "--report",
                reports.resolve("report").toString());
        assertEquals(0, outcome.exitCode(), outcome.stdout() + outcome.stderr());
        assertEquals(List.of("report"), namesIn(reports));
    }

    private Path writeSuite() throws IOException {
        Path model = folder.resolve("Ex2_large.xml");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        String one = "id=\"izpopTonic\" component=\"tonic\" size=\"1\"";
        assertTrue(ex2.contains(one));
        Files.writeString(model, ex2.replace(one, "id=\"izpopTonic\" component=\"tonic\" size=\"800\""));
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, "cases:\n"
                + "  - name: four-cells\n    model: " + Path.of("examples/ex2-izhikevich/Ex2_Izh.xml").toAbsolutePath()
                + "\n    output: Ex2_Izh_allcells.dat\n    reference: "
                + Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath()
                + "\n    tolerance: exact\n"
                + "  - name: large\n    model: " + model + "\n"
                + "  - name: tonic\n    model: " + Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath() + "\n");
        return suite;
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until the child has made its hidden report folder (true), or has ended, or 60 s passed. */
    private static boolean waitForHiddenFolder(Path reports, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Stream<Path> files = Files.list(reports)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith(".report."))) {
                    return true;
                }
            }
            Thread.sleep(5);
        }
        return false;
    }
}
