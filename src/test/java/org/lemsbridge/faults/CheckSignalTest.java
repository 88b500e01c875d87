package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.CliRun;

/**
 * SIGTERM and SIGINT at random points of a {@code check} in a child JVM, while it writes its report into the hidden
 * folder beside the report: afterwards nothing hidden is left beside the report, and the report is the earlier one
 * byte for byte (killed) or a whole new one (the run had finished). A hidden folder a killed process left behind is
 * removed by the next check. {@link KillLoop#KILLS} kill points (20; {@code -Psoak}: 200).
 */
class CheckSignalTest {

    @TempDir
    Path folder;

    @Test
    void signalsLeaveNoHiddenFolderAndTheEarlierReportWhole() throws IOException, InterruptedException {
        Path suite = writeSuite();
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path report = reports.resolve("report");
        ChildJvm.Outcome first = ChildJvm.run(folder, List.of(), "check", suite.toString(), "--report",
                report.toString(), "--jobs", "1");
        assertEquals(0, first.exitCode(), first.stdout() + first.stderr());
        FolderSnapshot earlier = FolderSnapshot.of(report);
        assertTrue(earlier.names().contains("summary.json"), earlier.names().toString());
        assertTrue(earlier.names().contains("cases/large/index.html"), earlier.names().toString());

        FolderSnapshot[] previous = new FolderSnapshot[1];
        int[] restored = new int[1];
        int killedWhileStaged = KillLoop.run(KillLoop.KILLS, 1000, number -> {
            previous[0] = FolderSnapshot.of(report);
            return ChildJvm.builder(folder, List.of(), "check", suite.toString(), "--report", report.toString(),
                    "--jobs", "1").start();
        }, () -> namesIn(reports).stream().anyMatch(name -> name.startsWith(".report.")), kill -> {
            assertEquals(List.of("report"), namesIn(reports), kill.toString());
            FolderSnapshot after = FolderSnapshot.of(report);
            if (kill.cameAfterTheRun()) {
                assertEquals(earlier.names(), after.names(), kill + " came after the run: a whole report");
                assertNotEquals(previous[0], after, kill + " came after the run: a new report");
            } else {
                assertEquals(kill.signalExitCode(), kill.exitCode(), ChildJvm.outcome(folder, kill.exitCode())
                        .stderr());
                if (after.equals(previous[0])) {
                    restored[0]++;
                } else {
                    // a signal that comes while the report is being moved into place waits for the move
                    assertEquals(earlier.names(), after.names(), kill + ": the earlier report, or a whole new one");
                }
            }
        });
        assertTrue(killedWhileStaged >= (KillLoop.KILLS + 1) / 2, killedWhileStaged + " of " + KillLoop.KILLS
                + " kills came while the report was staged");
        assertTrue(restored[0] >= KillLoop.KILLS / 3, restored[0] + " of " + KillLoop.KILLS
                + " kills left the earlier report");
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

    @Test
    void aBackupLeftBySigkillDuringTheReportSwapIsPutBackOrRemovedByTheNextCheck() throws IOException,
            InterruptedException {
        Path suite = folder.resolve("small.yaml");
        Files.writeString(suite, "cases:\n  - name: tonic\n    model: "
                + Path.of("examples/izhikevich-tonic.yaml").toAbsolutePath() + "\n");
        Path reports = Files.createDirectories(folder.resolve("reports"));
        Path report = reports.resolve("report");
        CliRun first = CliRun.of("check", suite.toString(), "--report", report.toString());
        assertEquals(0, first.exitCode(), first.describe());
        FolderSnapshot earlier = FolderSnapshot.of(report);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        // killed after moving the earlier report aside, before the new one was in place: it is put back
        Path aside = reports.resolve(".report." + gone.pid() + ".k1llEd.bak");
        Files.move(report, aside);
        Path junitFolder = Files.createDirectories(folder.resolve("junit.xml"));
        CliRun refused = CliRun.of("check", suite.toString(), "--report", report.toString(), "--junit",
                junitFolder.toString());
        assertEquals(2, refused.exitCode(), refused.describe());
        assertEquals(List.of("report"), namesIn(reports));
        assertEquals(earlier, FolderSnapshot.of(report), "the earlier report, byte for byte");

        // killed after the new report was in place, before the earlier one was deleted: the backup goes
        Path halfDeleted = Files.createDirectories(reports.resolve(".report." + gone.pid() + ".k2llEd.bak/cases"));
        Files.writeString(halfDeleted.getParent().resolve("summary.json"), "{}");
        CliRun next = CliRun.of("check", suite.toString(), "--report", report.toString());
        assertEquals(0, next.exitCode(), next.describe());
        assertEquals(List.of("report"), namesIn(reports));
        assertEquals(earlier.names(), FolderSnapshot.of(report).names());
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
}
