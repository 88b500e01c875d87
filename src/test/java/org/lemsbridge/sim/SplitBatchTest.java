package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.PopulationModel;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.testing.SystemProperty;

/**
 * Batches stepped on several threads write exactly what one thread writes, and what jLEMS writes: spikes crossing
 * from a split population to other cells (with and without delay) and recorded in one event file keep jLEMS's order,
 * the scaled Izhikevich populations give jLEMS's bytes, a failing member is reported as in order, and batches whose
 * members depend on each other's order stay on one thread. Threads are forced ({@code withThreads}), so this holds
 * on any machine.
 */
class SplitBatchTest {

    /** SHA-256 of split_events.dat as jLEMS 0.11.1 wrote it (10 001 rows; the .spikes file is kept beside). */
    private static final String JLEMS_SPLIT_EVENTS_DAT =
            "c3327b8f92ba9459ad23754d321b94cefb9de739ea8c92f91d74a4da9dc39946";

    @TempDir
    Path out;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SplitBatchTest.class.getResource("/org/lemsbridge/sim/" + name).toURI());
    }

    private SimulationResult run(LemsModel model, String folder, int threads) {
        return Simulator.build(model, SimulationOptions.writingTo(out.resolve(folder)).withThreads(threads)).run();
    }

    /** The batches of {@code model}'s target whose members are independent, compiled as a run compiles them. */
    private static List<BytecodeKernel.Splittable> splittable(LemsModel model, String target) {
        Engine engine = new Engine(1234L);
        return Simulator.compile(RuntimeTrees.initialised(model, target, engine), List.of(), engine);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * 40 cells (one batch) spike, 15 at a time in some steps, into 4 cells through synapses, without delay and with
     * 0, 0.5 and 1 ms; every spike goes to one event file. On 1, 2, 3 and 7 threads the bytes are jLEMS's.
     */
    @Test
    void spikesCrossingFromASplitPopulationKeepJlemsOrder() throws Exception {
        LemsModel model = LemsReader.read(resource("split_events.xml"), List.of());
        List<BytecodeKernel.Splittable> batches = splittable(model, "net");
        assertEquals(1, batches.size(), "the 40 driven cells; the 4 cells with synapses receive events");
        assertEquals(40, batches.get(0).members());
        byte[] jlemsSpikes = Files.readAllBytes(resource("split_events.jlems.spikes"));
        for (int threads : new int[] {1, 2, 3, 7}) {
            SimulationResult result = run(model, "t" + threads, threads);
            assertEquals(JLEMS_SPLIT_EVENTS_DAT, sha256(result.files().get(0).path()), threads + " threads");
            assertArrayEquals(jlemsSpikes, Files.readAllBytes(result.files().get(1).path()), threads + " threads");
            assertEquals(178, result.files().get(1).rows());
        }
    }

    /**
     * N tonic cells with a pulse each (the first third another pulse than the rest: two batches of cells, and one of
     * the explicitInputs), recording members on both sides of chunk borders, and spikes.
     */
    private static String scaled(int n) {
        StringBuilder columns = new StringBuilder();
        StringBuilder selections = new StringBuilder();
        for (int i : new int[] {0, n / 8 - 1, n / 8, n / 2 - 1, n / 2, n - 2, n - 1}) {
            columns.append("<OutputColumn id=\"v").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/v\"/>\n<OutputColumn id=\"u").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/U\"/>\n");
            selections.append("<EventSelection id=\"").append(i).append("\" select=\"pop[").append(i)
                    .append("]\" eventPort=\"spike\"/>\n");
        }
        return PopulationModel.of(n, "60ms", "0.005ms")
                .withPulses(PopulationModel.pulse("i1", "20ms", "2000ms", "14"),
                        PopulationModel.pulse("i2", "10ms", "2000ms", "14"))
                .withInputs(PopulationModel.explicitInputs(n, i -> i < n / 3 ? "i1" : "i2"))
                .withOutputs("<OutputFile id=\"of0\" fileName=\"columns.dat\">\n" + columns + "</OutputFile>\n"
                        + "<EventOutputFile id=\"spikes\" fileName=\"spikes.dat\" format=\"ID_TIME\">\n" + selections
                        + "</EventOutputFile>\n")
                .lems();
    }

    @Test
    void largePopulationsWriteTheSameBytesOnOneAndSeveralThreads() throws IOException {
        for (int n : new int[] {100, 1000}) {
            Path file = out.resolve("scaled" + n + ".xml");
            Files.writeString(file, scaled(n));
            LemsModel model = LemsReader.read(file, List.of());
            assertEquals(2 * n, splittable(model, "net").stream().mapToInt(BytecodeKernel.Splittable::members)
                    .sum(), "every cell (with its input) and every explicitInput in a splittable batch");
            SimulationResult one = run(model, n + "-1", 1);
            assertEquals(2, one.files().size());
            assertEquals(true, one.files().get(1).rows() > 20, "spikes recorded");
            for (int threads : new int[] {2, 3}) {
                SimulationResult several = run(model, n + "-" + threads, threads);
                for (int f = 0; f < 2; f++) {
                    assertArrayEquals(Files.readAllBytes(one.files().get(f).path()),
                            Files.readAllBytes(several.files().get(f).path()), n + " cells, " + threads + " threads");
                }
            }
        }
    }

    /** The shared scaling models on two threads write jLEMS's output (cell 0 is the same for every N). */
    @Test
    void scalingModelsOnTwoThreadsWriteJlemsBytes() throws IOException {
        Path scaling = SharedFolder.file("reference-data/scaling");
        Path coreTypes = SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes");
        byte[] jlems = Files.readAllBytes(scaling.resolve("izh_scaled_N10_v.dat"));
        for (String n : List.of("100", "1000")) {
            LemsModel model = LemsReader.read(scaling.resolve("LEMS_Izh_scaled_N" + n + ".xml"), List.of(coreTypes));
            assertEquals(List.of(Integer.valueOf(n), Integer.valueOf(n)), splittable(model, "net1").stream()
                    .map(BytecodeKernel.Splittable::members).toList(), "N = " + n + ": cells and explicitInputs");
            assertArrayEquals(jlems, Files.readAllBytes(run(model, "N" + n, 2).files().get(0).path()), "N = " + n);
        }
    }

    /** {@code size} cells with a pulse each through an inputList; the inputs of {@code a} and {@code b} weigh -1e308. */
    private LemsModel failing(int size, int a, int b) throws IOException {
        String xml = PopulationModel.weightedPulses(size, i -> i == a || i == b ? "-1e308" : "1").lems();
        Path file = out.resolve("failing" + size + ".xml");
        Files.writeString(file, xml);
        return LemsReader.read(file, List.of());
    }

    /**
     * Members 37 and 50 of 60 blow up in the same step (their input's weight is -1e308): on any number of threads the
     * report names member 37, as in order, although 50 is stepped by another chunk at the same time (step by step:
     * StepBlocksTest covers blocks).
     */
    @Test
    void aFailingMemberIsReportedAsInOrder() throws IOException {
        LemsModel model = failing(60, 37, 50);
        assertEquals(List.of(60, 60), splittable(model, "net").stream().map(BytecodeKernel.Splittable::members)
                .toList(), "the cells (with their inputs) and the inputW list");
        SimulationException interpreted = assertThrows(SimulationException.class, () -> Simulator.build(model,
                SimulationOptions.writingTo(out.resolve("i"))).run(false));
        assertEquals("state variable I of net/pop/37/component/i1 became -Infinity at t = 0.0010000000000000022 s"
                + " (step 200)", interpreted.getMessage());
        for (int threads : new int[] {1, 2, 4, 60}) {
            SimulationException split = SystemProperty.with(StepBlocks.PROPERTY, "false",
                    () -> assertThrows(SimulationException.class, () -> run(model, "f" + threads, threads)));
            assertEquals(interpreted.getMessage(), split.getMessage(), threads + " threads");
        }
    }

    /** Members that draw random numbers share one generator in order: their batch stays on one thread. */
    @Test
    void membersDrawingRandomNumbersStayOnOneThread() throws IOException {
        String body = """
                <Dimension name="none"/>
                <ComponentType name="Noisy">
                  <Constant name="SEC" dimension="time" value="1s"/>
                  <Exposure name="x" dimension="none"/>
                  <Dynamics>
                    <StateVariable name="x" dimension="none" exposure="x"/>
                    <DerivedVariable name="r" dimension="none" value="random(1)"/>
                    <TimeDerivative variable="x" value="r / SEC"/>
                  </Dynamics>
                </ComponentType>
                """ + TinyModel.groupOf("Noisy", "n", 60);
        LemsModel model = TinyModel.model(TinyModel.document(body, "g", "10ms", "1ms", "", "n0/x", "n59/x"));
        assertEquals(List.of(), splittable(model, "g"));
        assertArrayEquals(Files.readAllBytes(run(model, "one", 1).files().get(0).path()),
                Files.readAllBytes(run(model, "forced", 2).files().get(0).path()));
    }

    /**
     * Automatically, a split batch steps on its threads or on the stepping thread alone, whichever was faster when
     * timed (the first windows alternate: steps 1-64 on the threads, 65-128 alone, ...): both ways in one run write
     * the bytes of one thread, and a member that fails in a step taken alone (step 200) is reported as in order.
     */
    @Test
    void timedSplitsWriteTheBytesOfOneThreadAndReportFailuresAsInOrder() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() > 1,
                "automatic threads need more than one processor");
        Path file = out.resolve("scaled1000.xml");
        Files.writeString(file, scaled(1000));
        LemsModel model = LemsReader.read(file, List.of());
        SimulationResult one = run(model, "one", 1);
        SystemProperty.with(BatchThreads.MIN_WORK_PROPERTY, "0", () -> SystemProperty.with(StepBlocks.PROPERTY,
                "false", () -> {
            SimulationResult timed = run(model, "timed", SimulationOptions.AUTOMATIC_THREADS);
            for (int f = 0; f < 2; f++) {
                assertArrayEquals(Files.readAllBytes(one.files().get(f).path()),
                        Files.readAllBytes(timed.files().get(f).path()), one.files().get(f).path().getFileName()
                                + " stepped on threads and alone");
            }
            LemsModel failing = failing(200, 137, 150);
            SimulationException interpreted = assertThrows(SimulationException.class, () -> Simulator.build(failing,
                    SimulationOptions.writingTo(out.resolve("fi"))).run(false));
            assertEquals("state variable I of net/pop/137/component/i1 became -Infinity at t = 0.0010000000000000022 s"
                    + " (step 200)", interpreted.getMessage());
            SimulationException alone = assertThrows(SimulationException.class, () -> run(failing, "ft",
                    SimulationOptions.AUTOMATIC_THREADS));
            assertEquals(interpreted.getMessage(), alone.getMessage());
            return null;
        }));
    }

    /** Automatically, a batch is split only on more than one processor and from the measured size on. */
    @Test
    void automaticThreadsOnlyForLargeBatchesOnSeveralProcessors() throws IOException {
        Path file = out.resolve("scaled1000.xml");
        Files.writeString(file, scaled(1000));
        LemsModel model = LemsReader.read(file, List.of());
        long work = splittable(model, "net").stream().mapToLong(b -> (long) b.members() * b.memberCodeBytes()).max()
                .orElseThrow();
        assertNull(BatchThreads.split(splittable(model, "net"), SimulationOptions.AUTOMATIC_THREADS, 1));
        assertNull(BatchThreads.split(splittable(model, "net"), 1, 2));
        StepTeam forced = BatchThreads.split(splittable(model, "net"), 3, 1);
        assertNotNull(forced, "forced threads split on one processor too");
        assertEquals(3, forced.threads());
        forced.close();
        StepTeam automatic = BatchThreads.split(splittable(model, "net"), SimulationOptions.AUTOMATIC_THREADS, 2);
        assertEquals(work >= BatchThreads.MIN_WORK, automatic != null, "work " + work);
        if (automatic != null) {
            automatic.close();
        }
    }
}
