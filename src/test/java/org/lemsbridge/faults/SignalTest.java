package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT at random points of a {@code simulate} in a child JVM: afterwards no temporary file is left
 * and the outputs are either all the previous ones, byte for byte (killed), or all the new ones (the run had
 * finished). {@code -Dlemsbridge.kills=N} sets the number of kill points (default 12; the soak runs 200).
 */
class SignalTest {
    private static final int KILLS = Integer.getInteger("lemsbridge.kills", 12);

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

        Random random = new Random(14);
        int killedMidRun = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Path out = folder.resolve("out" + kill);
            Files.createDirectories(out);
            Files.writeString(out.resolve("Ex2_Izh_allcells.dat"), "previous allcells\n");
            Files.writeString(out.resolve("Ex2_Izh_allcells.dat.json"), "{\"previous\": true}\n");
            Files.writeString(out.resolve("Ex2_Izh_spikes.dat"), "previous spikes\n");
            FolderSnapshot previous = FolderSnapshot.of(out);
            boolean interrupt = kill % 4 == 3;
            Process child = ChildJvm.builder(folder, List.of(), "simulate", model.toString(), "-o", out.toString())
                    .start();
            boolean staged = waitForTemporary(out, child);
            Thread.sleep(random.nextInt(staged ? 400 : 50));
            if (interrupt) {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            } else {
                child.destroy(); // SIGTERM
            }
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child ended");
            int code = child.exitValue();
            FolderSnapshot after = FolderSnapshot.of(out);
            assertEquals(List.of(), after.leftovers(), "kill " + kill + " (exit " + code + ")");
            if (code == 0) {
                assertEquals(newOutputs, after, "kill " + kill + " came after the run: all new outputs");
            } else {
                assertEquals(interrupt ? 130 : 143, code, ChildJvm.outcome(folder, code).stderr());
                assertEquals(previous, after, "kill " + kill + ": all previous outputs");
                killedMidRun += staged ? 1 : 0;
            }
        }
        assertTrue(killedMidRun >= KILLS / 3, killedMidRun + " of " + KILLS + " kills came while files were staged");
    }

    /** Waits until the child has staged its first output (true), or has ended, or 60 s passed. */
    private static boolean waitForTemporary(Path out, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            try (Stream<Path> files = Files.list(out)) {
                if (files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp"))) {
                    return true;
                }
            }
            Thread.sleep(5);
        }
        return false;
    }
}
