package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.CliRun;
import org.lemsbridge.files.Staging;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.Simulator;

/**
 * A run's outputs (every OutputFile, event file and sidecar) are put in place together or not at all: when any of
 * them fails, every previous output stays byte for byte as it was and no temporary file is left.
 */
class AllOrNothingOutputTest {
    private static final Path EX2 = Path.of("examples/ex2-izhikevich/Ex2_Izh.xml");

    @TempDir
    Path folder;

    /** Earlier outputs of Ex2 in {@code out}, with contents no run writes. */
    private Path previousOutputs() throws IOException {
        Path out = folder.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("Ex2_Izh_allcells.dat"), "previous allcells\n");
        Files.writeString(out.resolve("Ex2_Izh_allcells.dat.json"), "{\"previous\": true}\n");
        Files.writeString(out.resolve("Ex2_Izh_spikes.dat"), "previous spikes\n");
        return out;
    }

    @Test
    void aFolderWhereAnOutputGoesLeavesEveryPreviousOutputAsItWas() throws IOException {
        Path out = previousOutputs();
        Files.delete(out.resolve("Ex2_Izh_spikes.dat"));
        Files.createDirectories(out.resolve("Ex2_Izh_spikes.dat"));
        Files.writeString(out.resolve("Ex2_Izh_spikes.dat/keep.txt"), "a file of the user's\n");
        FolderSnapshot before = FolderSnapshot.of(out);

        CliRun run = CliRun.of("simulate", EX2.toString(), "-o", out.toString());

        assertEquals(2, run.exitCode(), run.err());
        assertEquals(out.resolve("Ex2_Izh_spikes.dat").toAbsolutePath() + ": cannot write: is a folder",
                run.errLines().get(0));
        assertEquals(before, FolderSnapshot.of(out));
    }

    @Test
    void aDiskThatFillsUpAtAnyFileLeavesEveryPreviousOutputAsItWas() throws IOException {
        Path out = previousOutputs();
        LemsModel model = LemsReader.read(EX2, List.of());
        FolderSnapshot before = FolderSnapshot.of(out);
        // Ex2 stages three files: the OutputFile, the EventOutputFile and the OutputFile's sidecar
        for (int failing = 1; failing <= 3; failing++) {
            AtomicInteger opened = new AtomicInteger();
            int which = failing;
            Staging.Writes full = temporary -> {
                if (opened.incrementAndGet() == which) {
                    throw new FileSystemException(temporary.toString(), null, "No space left on device");
                }
                return Files.newOutputStream(temporary);
            };
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Simulator.build(model,
                    SimulationOptions.writingTo(out).writingThrough(full)).run());
            assertTrue(e.getMessage().endsWith(": No space left on device"), e.getMessage());
            assertEquals(before, FolderSnapshot.of(out), "open " + failing + " failing");
            assertTrue(opened.get() >= failing);
        }
        for (long bytes : new long[] {0, 1, 65_536, 1_000_000, 4_000_000}) {
            AtomicLong left = new AtomicLong(bytes);
            Staging.Writes filling = temporary -> new FullAfter(Files.newOutputStream(temporary), left);
            assertThrows(UncheckedIOException.class, () -> Simulator.build(model,
                    SimulationOptions.writingTo(out).writingThrough(filling)).run());
            assertEquals(before, FolderSnapshot.of(out), "disk full after " + bytes + " bytes");
        }
        Simulator.build(model, SimulationOptions.writingTo(out)).run();
        FolderSnapshot after = FolderSnapshot.of(out);
        assertEquals(List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_allcells.dat.json", "Ex2_Izh_spikes.dat"),
                after.names());
        assertTrue(Files.readString(out.resolve("Ex2_Izh_allcells.dat"), StandardCharsets.US_ASCII)
                .startsWith("0.0\t"));
    }

    /** Writes until the bytes {@code left} (shared by every file of the run) run out, then fails as a full disk. */
    private static final class FullAfter extends FilterOutputStream {
        private final AtomicLong left;

        FullAfter(OutputStream out, AtomicLong left) {
            super(out);
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (left.addAndGet(-len) < 0) {
                throw new IOException("No space left on device");
            }
            out.write(b, off, len);
        }
    }
}
