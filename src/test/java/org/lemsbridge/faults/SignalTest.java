package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT at random points of a {@code simulate} of a large model (Ex2 with 3000 tonic cells) in a child
 * JVM: afterwards no temporary file is left and the outputs are either all the previous ones, byte for byte (killed),
 * or all the new ones (the run had finished, or the signal came while they were being moved into place, which it
 * waits for; then the process still ends by the signal). A third of the kills at least must find the previous ones.
 * {@link KillLoop#KILLS} kill points (20; {@code -Psoak}: 200).
 */
class SignalTest {

    @TempDir
    Path folder;

    @Test
    void signalsLeaveNoTemporariesAndNoMixOfOldAndNewOutputs() throws IOException, InterruptedException {
        Path model = folder.resolve("Ex2_large.xml");
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        String one = "id=\"izpopTonic\" component=\"tonic\" size=\"1\"";
        assertTrue(ex2.contains(one));
        Files.writeString(model, ex2.replace(one, "id=\"izpopTonic\" component=\"tonic\" size=\"3000\""));
        Path fresh = folder.resolve("fresh");
        ChildJvm.Outcome complete = ChildJvm.run(folder, List.of(), "simulate", model.toString(), "-o",
                fresh.toString());
        assertEquals(0, complete.exitCode(), complete.stderr());
        FolderSnapshot newOutputs = FolderSnapshot.of(fresh);
        assertEquals(List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_allcells.dat.json", "Ex2_Izh_spikes.dat"),
                newOutputs.names());

        Path[] out = new Path[1];
        FolderSnapshot[] previous = new FolderSnapshot[1];
        int[] restored = new int[1];
        int killedMidRun = KillLoop.run(KillLoop.KILLS, 400, number -> {
            out[0] = Files.createDirectories(folder.resolve("out" + number));
            Files.writeString(out[0].resolve("Ex2_Izh_allcells.dat"), "previous allcells\n");
            Files.writeString(out[0].resolve("Ex2_Izh_allcells.dat.json"), "{\"previous\": true}\n");
            Files.writeString(out[0].resolve("Ex2_Izh_spikes.dat"), "previous spikes\n");
            previous[0] = FolderSnapshot.of(out[0]);
            return ChildJvm.builder(folder, List.of(), "simulate", model.toString(), "-o", out[0].toString()).start();
        }, () -> hasTemporary(out[0]), kill -> {
            FolderSnapshot after = FolderSnapshot.of(out[0]);
            assertEquals(List.of(), after.leftovers(), kill.toString());
            if (kill.cameAfterTheRun()) {
                assertEquals(newOutputs, after, kill + " came after the run: all new outputs");
            } else {
                assertEquals(kill.signalExitCode(), kill.exitCode(), ChildJvm.outcome(folder, kill.exitCode())
                        .stderr());
                if (after.equals(previous[0])) {
                    restored[0]++;
                } else {
                    // a signal that comes while the outputs are being moved into place waits for the move (the
                    // staging's gate), and the process ends by the signal with all of them new
                    assertEquals(newOutputs, after, kill + ": all previous outputs, or all new ones");
                }
            }
        });
        assertTrue(killedMidRun >= KillLoop.KILLS / 3, killedMidRun + " of " + KillLoop.KILLS
                + " kills came while files were staged");
        assertTrue(restored[0] >= KillLoop.KILLS / 3, restored[0] + " of " + KillLoop.KILLS
                + " kills left the previous outputs");
    }

    private static boolean hasTemporary(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"));
        }
    }
}
