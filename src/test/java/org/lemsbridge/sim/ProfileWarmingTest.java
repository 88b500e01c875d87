package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.PopulationModel;
import org.lemsbridge.testing.SystemProperty;

/**
 * Warming a batch's profile steps copies: the batch's columns, and every array its code reads, are what they were,
 * while the copies spike; and a run warmed writes the bytes of a run not warmed.
 */
class ProfileWarmingTest {

    @TempDir
    Path out;

    private LemsModel model() throws IOException {
        Path file = PopulationModel.of(24, "30ms", "0.005ms")
                .withPulses(PopulationModel.pulse("i1", "10ms", "2000ms", "14"))
                .withInputs(PopulationModel.explicitInputs(24, i -> "i1"))
                .withOutputs("<OutputFile id=\"of0\" fileName=\"v.dat\"><OutputColumn id=\"v\" quantity=\"pop[5]/v\"/>"
                        + "<OutputColumn id=\"u\" quantity=\"pop[23]/U\"/></OutputFile>\n")
                .write(out.resolve("population.xml"));
        return LemsReader.read(file, List.of());
    }

    @Test
    void warmingChangesNothingOfTheRun() throws IOException {
        LemsModel model = model();
        BytecodeKernel.Splittable cells = cellsInParts(model);
        List<double[]> before = copies(cells);
        List<String> called = new ArrayList<>();
        IntConsumer[] emitters = new IntConsumer[cells.emitters().length];
        for (int i = 0; i < emitters.length; i++) {
            emitters[i] = port -> called.add("spike");
        }
        DoubleConsumer[] failures = new DoubleConsumer[cells.failures().length];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = t -> called.add("failure");
        }
        ProfileWarming.stepCopies(cells, 0.03, 5e-6, emitters, failures);
        assertUnchanged(before, cells);
        // the 400-fold step swings v past the threshold: the spike test is taken both ways (the run's step alone
        // spikes no cell within the first 30 ms of calls at 16 times)
        assertTrue(called.contains("spike"), called.toString());

        byte[] warmed = Files.readAllBytes(Simulator.build(model, SimulationOptions.writingTo(out.resolve("warm")))
                .run().files().get(0).path());
        byte[] cold = Files.readAllBytes(SystemProperty.with(ProfileWarming.PROPERTY, "false", () -> Simulator.build(
                model, SimulationOptions.writingTo(out.resolve("cold"))).run()).files().get(0).path());
        assertArrayEquals(cold, warmed);
        assertEquals(6001, Files.readAllLines(out.resolve("warm/v.dat")).size());
    }

    /**
     * A run long enough for C2 is warmed until its calls alone pass C2's thresholds for the generated code (the
     * JDK's: over 600 calls, and over 15 000 calls and loop iterations together), a short one only for the profile.
     */
    @Test
    void longRunsAreWarmedPastC2sThresholds() {
        int calls = 2 * ProfileWarming.COMPILING_CALLS;
        assertTrue(calls > 600 && calls * (ProfileWarming.MEMBERS + 1L) > 15_000, "calls " + calls);
        assertEquals(ProfileWarming.COMPILING_CALLS, ProfileWarming.callsPerStepLength(1000, 0.2, 5e-6));
        assertEquals(24, ProfileWarming.callsPerStepLength(24, 0.03, 5e-6));
        assertEquals(24, ProfileWarming.callsPerStepLength(4, 1.0, 5e-6), "800 000 member-steps");
        assertEquals(ProfileWarming.COMPILING_CALLS, ProfileWarming.callsPerStepLength(6, 1.0, 5e-6));
    }

    /** The long warming steps copies too: the run's arrays are untouched. */
    @Test
    void longWarmingChangesNoArray() throws IOException {
        BytecodeKernel.Splittable cells = cellsInParts(model());
        List<double[]> before = copies(cells);
        ProfileWarming.warm(cells, 2.0, 5e-6);
        assertUnchanged(before, cells);
    }

    /** The model's batch of cells stepped in parts, its instances initialised. */
    private static BytecodeKernel.Splittable cellsInParts(LemsModel model) {
        Instance network = RuntimeTrees.initialised(model, "net", new Engine(1234L));
        return BytecodeKernel.attach(network, List.of(), () -> 0.5).splittable().stream()
                .filter(BytecodeKernel.Splittable::inParts).findFirst().orElseThrow();
    }

    private static List<double[]> copies(BytecodeKernel.Splittable batch) {
        List<double[]> copies = new ArrayList<>();
        for (double[] array : batch.arrays()) {
            copies.add(array.clone());
        }
        return copies;
    }

    private static void assertUnchanged(List<double[]> before, BytecodeKernel.Splittable batch) {
        for (int a = 0; a < before.size(); a++) {
            assertArrayEquals(before.get(a), batch.arrays()[a], "array " + a);
        }
    }
}
