package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.PopulationModel;
import org.lemsbridge.testing.SystemProperty;

/**
 * Split batches stepped ahead in blocks ({@link StepBlocks}) write what one thread writes: recorded members in every
 * piece, a last block shorter than the others, several batches in one block, automatic threads, and a failing member
 * reported at its own step and in member order as the interpreter reports it. Runs that send events somewhere keep stepping one step at a
 * time.
 */
class StepBlocksTest {

    @TempDir
    Path out;

    private SimulationResult run(LemsModel model, String folder, int threads) {
        return Simulator.build(model, SimulationOptions.writingTo(out.resolve(folder)).withThreads(threads)).run();
    }

    /** Whether a run of {@code model}'s {@code target} on {@code threads} threads steps its batches in blocks. */
    private static boolean steppedInBlocks(LemsModel model, String target, int threads) {
        Engine engine = new Engine(1234L);
        Instance root = RuntimeTrees.initialised(model, target, engine);
        List<BytecodeKernel.Splittable> splittable = Simulator.compile(root, List.of(), engine);
        StepTeam team = BatchThreads.split(splittable, threads, 1);
        try {
            List<Instance> schedule = new ArrayList<>();
            root.collectSchedule(schedule);
            return StepBlocks.plan(root, schedule.toArray(Instance[]::new), splittable, team, false, List.of(),
                    List.of(), engine) != null;
        } finally {
            if (team != null) {
                team.close();
            }
        }
    }

    /**
     * {@code n} tonic cells with a pulse each, the first third another pulse than the rest (two batches of cells and
     * one of explicitInputs), for 12 000 steps (187 blocks and one of 32 steps), recording v and U of members on both
     * sides of piece borders.
     */
    private static String population(int n) {
        StringBuilder columns = new StringBuilder();
        for (int i : new int[] {0, 1, n / 8 - 1, n / 8, n / 3 - 1, n / 3, n / 2, 2047, 2048, n - 2, n - 1}) {
            columns.append("<OutputColumn id=\"v").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/v\"/>\n<OutputColumn id=\"u").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/U\"/>\n");
        }
        return PopulationModel.of(n, "60ms", "0.005ms")
                .withPulses(PopulationModel.pulse("i1", "20ms", "2000ms", "14"),
                        PopulationModel.pulse("i2", "10ms", "2000ms", "14"))
                .withInputs(PopulationModel.explicitInputs(n, i -> i < n / 3 ? "i1" : "i2"))
                .withOutputs("<OutputFile id=\"of0\" fileName=\"columns.dat\">\n" + columns + "</OutputFile>\n")
                .lems();
    }

    @Test
    void blocksWriteTheBytesOfOneThread() throws IOException {
        int n = 5000;
        Path file = out.resolve("population.xml");
        Files.writeString(file, population(n));
        LemsModel model = LemsReader.read(file, List.of());
        assertEquals(true, steppedInBlocks(model, "net", 2), "no events flow: the batches step in blocks");
        byte[] one = Files.readAllBytes(run(model, "one", 1).files().get(0).path());
        assertEquals(12_001, Files.readAllLines(out.resolve("one/columns.dat")).size());
        for (int threads : new int[] {2, 3}) {
            assertArrayEquals(one, Files.readAllBytes(run(model, "blocks" + threads, threads).files().get(0).path()),
                    threads + " threads, in blocks");
        }
        assertArrayEquals(one, Files.readAllBytes(SystemProperty.with(StepBlocks.PROPERTY, "false",
                () -> run(model, "steps", 2)).files().get(0)
                .path()), "2 threads, one step at a time");
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertArrayEquals(one, Files.readAllBytes(SystemProperty.with(BatchThreads.MIN_WORK_PROPERTY, "0",
                    () -> run(model, "timed", SimulationOptions.AUTOMATIC_THREADS)).files().get(0).path()),
                    "automatic threads");
        }
    }

    /** Spikes into cells with synapses: the run steps its split batch one step at a time. */
    @Test
    void eventsThatChangeSomethingKeepStepsApart() throws URISyntaxException {
        LemsModel model = LemsReader.read(Path.of(StepBlocksTest.class.getResource(
                "/org/lemsbridge/sim/split_events.xml").toURI()), List.of());
        assertEquals(false, steppedInBlocks(model, "net", 2));
    }

    /** 60 cells with a pulse each through an inputList, the inputs weighing {@code weight.apply(member)}. */
    private LemsModel weighted(java.util.function.IntFunction<String> weight) throws IOException {
        Path file = out.resolve("weighted.xml");
        Files.writeString(file, PopulationModel.weightedPulses(60, weight).lems());
        return LemsReader.read(file, List.of());
    }

    /**
     * Members 37 and 50 fail in the same step (their inputs weigh -1e308: I is -Infinity in step 200, the 8th of its
     * block), in different pieces (7 or 8 members each on 2 threads) which run at once: the failure reported is
     * member 37's, with the interpreter's message, on any number of threads.
     */
    @Test
    void aFailingMemberIsReportedAtItsStepInMemberOrder() throws IOException {
        LemsModel model = weighted(i -> i == 37 || i == 50 ? "-1e308" : "1");
        assertEquals(true, steppedInBlocks(model, "net", 2));
        SimulationException interpreted = assertThrows(SimulationException.class, () -> Simulator.build(model,
                SimulationOptions.writingTo(out.resolve("interpreted"))).run(false));
        assertEquals("state variable I of net/pop/37/component/i1 became -Infinity at t = 0.0010000000000000022 s"
                + " (step 200)", interpreted.getMessage());
        for (int threads : new int[] {1, 2, 3, 60}) {
            SimulationException blocks = assertThrows(SimulationException.class, () -> run(model, "t" + threads,
                    threads));
            assertEquals(interpreted.getMessage(), blocks.getMessage(), threads + " threads");
        }
    }
}
