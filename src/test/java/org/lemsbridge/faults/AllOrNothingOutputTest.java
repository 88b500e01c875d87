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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.CliRun;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.Simulator;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.suite.PlottedRun;

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
        assertEquals(out.resolve("Ex2_Izh_spikes.dat").toAbsolutePath() + ":0:0: cannot write: is a folder",
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

    /** Earlier outputs of Ex2 with its pictures in {@code out/plots}, with contents no run writes. */
    private Path previousOutputsAndPictures() throws IOException {
        Path out = previousOutputs();
        Path plots = Files.createDirectories(out.resolve("plots"));
        for (String picture : List.of("allcells.png", "allcells.svg", "spikes.png", "spikes.svg")) {
            Files.writeString(plots.resolve(picture), "previous " + picture + "\n");
        }
        return out;
    }

    private static PlottedRun.Result plottedRun(Path out, Staging.Writes writes) throws IOException {
        ModelRunner.LoadedModel loaded = ModelRunner.load(EX2, List.of());
        return PlottedRun.run(EX2, loaded, SimulationOptions.writingTo(out).writingThrough(writes), null,
                out.resolve("plots"));
    }

    @Test
    void aDiskThatFillsUpAtAnyFileOrPictureOfAPlottedRunLeavesEveryPreviousOutputAndPictureAsItWas()
            throws IOException {
        Path out = previousOutputsAndPictures();
        FolderSnapshot before = FolderSnapshot.of(out);
        AtomicInteger counted = new AtomicInteger();
        Path clean = Files.createDirectories(folder.resolve("clean"));
        PlottedRun.Result fresh = plottedRun(clean, temporary -> {
            counted.incrementAndGet();
            return Files.newOutputStream(temporary);
        });
        // the OutputFile, the event file, the sidecar, then PNG and SVG of allcells and of spikes
        assertEquals(7, counted.get());
        assertEquals(List.of("allcells.png", "allcells.svg", "spikes.png", "spikes.svg"),
                fresh.pictures().stream().map(p -> p.getFileName().toString()).toList());
        for (int failing = 1; failing <= counted.get(); failing++) {
            AtomicInteger opened = new AtomicInteger();
            int which = failing;
            Staging.Writes full = temporary -> {
                if (opened.incrementAndGet() == which) {
                    throw new FileSystemException(temporary.toString(), null, "No space left on device");
                }
                return Files.newOutputStream(temporary);
            };
            OutputFailure e = assertThrows(OutputFailure.class, () -> plottedRun(out, full));
            assertEquals("No space left on device", OutputFailure.reason((IOException) e.getCause()));
            assertTrue(e.destination().startsWith(out.toAbsolutePath()), e.destination().toString());
            assertEquals(before, FolderSnapshot.of(out), "open " + failing + " failing");
        }
        // a disk that fills up half-way through each picture, after every byte before it was written
        long written = 0;
        for (String file : List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_spikes.dat", "Ex2_Izh_allcells.dat.json")) {
            written += Files.size(clean.resolve(file));
        }
        List<Long> fillingUp = new ArrayList<>();
        for (Path picture : fresh.pictures()) {
            long size = Files.size(picture);
            fillingUp.add(written + size / 2);
            written += size;
        }
        for (long bytes : fillingUp) {
            AtomicLong left = new AtomicLong(bytes);
            assertThrows(OutputFailure.class, () -> plottedRun(out,
                    temporary -> new FullAfter(Files.newOutputStream(temporary), left)));
            assertEquals(before, FolderSnapshot.of(out), "disk full after " + bytes + " bytes");
        }
        plottedRun(out, Staging.Writes.DISK);
        FolderSnapshot after = FolderSnapshot.of(out);
        assertEquals(FolderSnapshot.of(clean).names(), after.names());
        for (String name : after.names()) {
            Path file = out.resolve(name);
            if (Files.isRegularFile(file)) {
                assertEquals(drawn(clean.resolve(name)), drawn(file), name);
            }
        }
    }

    /** A file's bytes as text; in an SVG, the ids of clip paths (numbered by identity hash) as {@code clipN}. */
    private static String drawn(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        return file.toString().endsWith(".svg") ? text.replaceAll("#clip\\d+|\"clip\\d+\"", "clipN") : text;
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
