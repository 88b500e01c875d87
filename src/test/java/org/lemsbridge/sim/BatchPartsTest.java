package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.testing.PopulationModel;
import org.lemsbridge.testing.SystemProperty;

/**
 * A batch of independent members steps in parts, one loop over the members each ({@link BatchStorage#splitting}):
 * the bytes are those of one loop per member and of the interpreter, and a failure is the one stepping in order
 * meets first, in member then node order, even when a later member's earlier node fails in the same step.
 */
class BatchPartsTest {

    @TempDir
    Path out;

    /** Pairs of a Leaf (no rates: it doubles z each step) inside a Pair (x' = x * x / s). */
    private static final String PAIRS = """
            <Dimension name="none"/>
            <ComponentType name="Leaf">
              <Exposure name="z" dimension="none"/>
              <Dynamics>
                <StateVariable name="z" dimension="none" exposure="z"/>
                <OnStart><StateAssignment variable="z" value="1"/></OnStart>
                <OnCondition test="z .gt. 0"><StateAssignment variable="z" value="z * 2"/></OnCondition>
              </Dynamics>
            </ComponentType>
            <ComponentType name="Pair">
              <Children name="leaves" type="Leaf"/>
              <Constant name="SEC" dimension="time" value="1s"/>
              <Exposure name="x" dimension="none"/>
              <Dynamics>
                <StateVariable name="x" dimension="none" exposure="x"/>
                <OnStart><StateAssignment variable="x" value="1"/></OnStart>
                <TimeDerivative variable="x" value="x * x / SEC"/>
              </Dynamics>
            </ComponentType>
            <ComponentType name="Group">
              <Children name="pairs" type="Pair"/>
            </ComponentType>
            """;

    private static String pairs(int count) {
        StringBuilder group = new StringBuilder(PAIRS).append("<Group id=\"g\">\n");
        for (int i = 0; i < count; i++) {
            group.append("<Pair id=\"p").append(i).append("\"><Leaf id=\"l\"/></Pair>\n");
        }
        return group.append("</Group>\n").toString();
    }

    private static BytecodeKernel.Splittable onlyBatch(Instance root) {
        List<BytecodeKernel.Splittable> batches = BytecodeKernel.attach(root, List.of(), () -> 0.5).splittable();
        assertEquals(1, batches.size());
        return batches.get(0);
    }

    @Test
    void cellsWithPulsesStepInPartsAndWriteTheBytesOfOneLoopAndOfTheInterpreter() throws IOException {
        int n = 40;
        StringBuilder columns = new StringBuilder();
        for (int i : new int[] {0, 7, 39}) {
            columns.append("<OutputColumn id=\"v").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/v\"/>\n<OutputColumn id=\"u").append(i).append("\" quantity=\"pop[").append(i)
                    .append("]/U\"/>\n");
        }
        Path file = PopulationModel.of(n, "60ms", "0.005ms")
                .withPulses(PopulationModel.pulse("i1", "20ms", "2000ms", "14"),
                        PopulationModel.pulse("i2", "10ms", "2000ms", "9"))
                .withInputs(PopulationModel.explicitInputs(n, i -> i < n / 3 ? "i1" : "i2"))
                .withOutputs("<OutputFile id=\"of0\" fileName=\"columns.dat\">\n" + columns + "</OutputFile>\n")
                .write(out.resolve("population.xml"));
        LemsModel model = org.lemsbridge.lems.LemsReader.read(file, List.of());
        Instance network = RuntimeTrees.initialised(model, "net", new Engine(1234L));
        List<BytecodeKernel.Splittable> batches = BytecodeKernel.attach(network, List.of(), () -> 0.5).splittable();
        assertEquals("[13 cells in parts: true, 27 cells in parts: true]", batches.stream().filter(b -> b.first().kind.rateSlots.length > 0)
                .map(b -> b.members() + " cells in parts: " + b.inParts()).toList().toString());
        // the pulse's conditions, the cell's update, its spike test, the checks: each part a method of its own
        assertEquals(List.of("part0", "part1", "part2", "part3"), java.util.Arrays.stream(batches.get(0).code()
                .getClass().getDeclaredMethods()).map(java.lang.reflect.Method::getName)
                .filter(name -> name.startsWith("part")).sorted().toList());
        assertTrue(SystemProperty.with(BytecodeKernel.PARTS_PROPERTY, "false",
                () -> BytecodeKernel.attach(RuntimeTrees.initialised(model, "net", new Engine(1234L)), List.of(), () -> 0.5)
                        .splittable().stream().noneMatch(BytecodeKernel.Splittable::inParts)), "parts switched off");

        byte[] parts = Files.readAllBytes(Simulator.build(model, SimulationOptions.writingTo(out.resolve("parts"))
                .withThreads(1)).run(true).files().get(0).path());
        byte[] oneLoop = Files.readAllBytes(SystemProperty.with(BytecodeKernel.PARTS_PROPERTY, "false",
                () -> Simulator.build(model, SimulationOptions.writingTo(out.resolve("loop")).withThreads(1))
                        .run(true)).files().get(0).path());
        byte[] interpreted = Files.readAllBytes(Simulator.build(model, SimulationOptions.writingTo(
                out.resolve("interpreted"))).run(false).files().get(0).path());
        assertEquals(12_001, Files.readAllLines(out.resolve("parts/columns.dat")).size());
        assertArrayEquals(interpreted, oneLoop, "one loop");
        assertArrayEquals(interpreted, parts, "in parts");
        assertArrayEquals(parts, Files.readAllBytes(Simulator.build(model, SimulationOptions.writingTo(
                out.resolve("threads")).withThreads(2)).run(true).files().get(0).path()), "in parts on 2 threads");
    }

    /** The first (member, node position) whose failure callback the batch's step calls, at t = 1 ms. */
    private static String firstFailure(BytecodeKernel.Splittable batch, int positions) {
        List<String> failed = new ArrayList<>();
        DoubleConsumer[] failures = new DoubleConsumer[batch.failures().length];
        for (int i = 0; i < failures.length; i++) {
            int member = i / positions;
            int position = i % positions;
            failures[i] = t -> {
                failed.add("member " + member + " position " + position);
                throw new IllegalStateException("stop");
            };
        }
        assertThrows(IllegalStateException.class, () -> batch.code().step(batch.arrays(), batch.emitters(), failures,
                1e-3, 1e-3, 0, batch.members()));
        assertEquals(1, failed.size());
        return failed.get(0);
    }

    /**
     * Member 3's Pair and member 5's Leaf become infinite in the same step (x = 1e200 squares to infinity; z = 1e308
     * doubles to it). Stepping in order meets member 3's Pair (post-order position 1) first: in parts too, although
     * member 5's Leaf steps in an earlier part than member 3's Pair. With a check at the end of each part, member 5
     * would come first.
     */
    @Test
    void aFailureInPartsIsTheFirstInMemberThenNodeOrder() {
        LemsModel model = TinyModel.model(TinyModel.document(pairs(30), "g", "3ms", "1ms", "", "p0/x"));
        for (String parts : new String[] {"true", "false"}) {
            String first = SystemProperty.with(BytecodeKernel.PARTS_PROPERTY, parts, () -> {
                Instance group = RuntimeTrees.initialised(model, "g", new Engine(1234L));
                Instance[] pairs = group.advanceOrder();
                pairs[3].vars[pairs[3].kind.slotOf("x")] = 1e200;
                Instance leaf = pairs[5].advanceOrder()[0];
                leaf.vars[leaf.kind.slotOf("z")] = 1e308;
                BytecodeKernel.Splittable batch = onlyBatch(group);
                assertEquals(Boolean.parseBoolean(parts), batch.inParts(), "in parts: " + parts);
                return firstFailure(batch, 2);
            });
            assertEquals("member 3 position 1", first, "in parts: " + parts);
        }
    }
}
