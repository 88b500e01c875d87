package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;

class RunProgressTest {
    @TempDir
    Path folder;

    private static final Path EX2 = Path.of("examples/ex2-izhikevich/Ex2_Izh.xml");

    /** Ex2: 200 ms at 5 us = 40 000 steps, reported at every 256th step and at the last. */
    @Test
    void aRunReportsEvery256StepsAndItsLastStepWithTheRowsTime() throws IOException {
        LemsModel model = LemsReader.read(EX2, List.of());
        List<RunProgress> reports = new ArrayList<>();
        Path out = folder.resolve("with");
        Simulator.build(model, SimulationOptions.writingTo(out).reportingProgressTo(reports::add)).run();

        assertEquals(40_000 / 256 + 2, reports.size());
        for (int i = 0; i < reports.size() - 1; i++) {
            assertEquals(256L * i, reports.get(i).step());
        }
        RunProgress last = reports.get(reports.size() - 1);
        assertEquals(40_000, last.step());
        assertEquals(40_000, last.steps());
        assertEquals(1.0, last.fraction());
        assertEquals(0.2, last.length(), 1e-18);
        List<String> rows = Files.readAllLines(out.resolve("Ex2_Izh_allcells.dat"));
        assertEquals(40_001, rows.size());
        assertEquals(rows.get(40_000).split("\t")[0], Float.toString((float) last.time()));
        assertEquals(rows.get(256 * 7).split("\t")[0], Float.toString((float) reports.get(7).time()));
    }

    @Test
    void listeningChangesNoByteOfTheOutput() throws IOException {
        LemsModel model = LemsReader.read(EX2, List.of());
        Path with = folder.resolve("with");
        Path without = folder.resolve("without");
        Simulator.build(model, SimulationOptions.writingTo(with).reportingProgressTo(progress -> { })).run();
        Simulator.build(model, SimulationOptions.writingTo(without)).run();
        for (String name : List.of("Ex2_Izh_allcells.dat", "Ex2_Izh_spikes.dat")) {
            assertArrayEquals(Files.readAllBytes(without.resolve(name)), Files.readAllBytes(with.resolve(name)), name);
        }
    }
}
