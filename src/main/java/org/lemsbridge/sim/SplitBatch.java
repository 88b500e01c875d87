package org.lemsbridge.sim;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

import org.lemsbridge.tree.Connection;

/**
 * A batch whose members are independent within a step ({@link BytecodeKernel.Splittable}) stepped in chunks of
 * consecutive members by a {@link StepTeam}, writing exactly what stepping its members in order writes. Each member's
 * own state is all it writes, and nothing it reads changes during the step; what stepping in order adds is the order of
 * what members send: events. While chunks step, the events of each chunk are held in order, and after the step they
 * are sent chunk by chunk, so every receiver (another instance, the event queue, an event file) gets them in member
 * order before anything else steps, as it would have. A member that fails (a state no longer finite) is reported as
 * in order: the events held before it are sent, then the failure of the first failing chunk is thrown. In the steps
 * its {@link SplitChoice} gives to the stepping thread alone, the batch steps in order as if it were not split.
 */
final class SplitBatch implements StepTeam.Job, SplitStep {

    private final StepTeam team;
    private final CompiledSubtree code;
    private final double[][] arrays;
    private final DoubleConsumer[] failures;
    /** What the generated code calls to send: the instances' own emitters, or ones that hold the event. */
    private final IntConsumer[] emitters;
    /** The instances' own emitters, which held events are sent through; null when no member sends anywhere. */
    private final IntConsumer[] sendNow;
    /** Chunk c steps members bounds[c] to bounds[c + 1]. */
    private final int[] bounds;
    private final HeldEvents[] held;
    private final SplitChoice choice;

    /** Events a chunk sent during a step: pairs of (node index, out port), in order. */
    private static final class HeldEvents {
        int[] pairs = new int[16];
        int size;

        void add(int node, int port) {
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size] = node;
            pairs[size + 1] = port;
            size += 2;
        }
    }

    /**
     * {@code batch} stepped by {@code team} in {@code chunks} chunks of consecutive members (about equal sizes), or by
     * the stepping thread alone in the steps {@code choice} says so.
     */
    SplitBatch(BytecodeKernel.Splittable batch, StepTeam team, int chunks, SplitChoice choice) {
        int members = batch.members();
        this.choice = choice;
        if (chunks < 1 || chunks > members) {
            throw new IllegalArgumentException(chunks + " chunks for " + members + " members");
        }
        this.team = team;
        this.code = batch.code();
        this.arrays = batch.arrays();
        this.failures = batch.failures();
        this.bounds = new int[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            bounds[c] = (int) ((long) members * c / chunks);
        }
        Instance[] nodes = batch.nodes();
        if (!sends(nodes)) {
            this.emitters = batch.emitters();
            this.sendNow = null;
            this.held = null;
            return;
        }
        this.sendNow = batch.emitters();
        this.held = new HeldEvents[chunks];
        this.emitters = new IntConsumer[nodes.length];
        int positions = nodes.length / members;
        for (int c = 0; c < chunks; c++) {
            HeldEvents chunkEvents = new HeldEvents();
            held[c] = chunkEvents;
            for (int i = bounds[c] * positions; i < bounds[c + 1] * positions; i++) {
                if (sendNow[i] != null) {
                    int node = i;
                    emitters[i] = port -> chunkEvents.add(node, port);
                }
            }
        }
    }

    /** Whether any of {@code nodes} has a connection on an out port (otherwise sending does nothing). */
    private static boolean sends(Instance[] nodes) {
        for (Instance node : nodes) {
            Connection[][] wires = node.wires();
            if (wires != null) {
                for (Connection[] port : wires) {
                    if (port.length > 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public int chunks() {
        return bounds.length - 1;
    }

    @Override
    public void runChunk(int chunk, double t, double dt) {
        code.step(arrays, emitters, failures, t, dt, bounds[chunk], bounds[chunk + 1]);
    }

    /** One step of every member, as in order. */
    @Override
    public void step(double t, double dt) {
        boolean timing = choice.timing();
        long start = timing ? System.nanoTime() : 0;
        stepOneWay(t, dt);
        choice.stepped(timing ? System.nanoTime() - start : 0);
    }

    private void stepOneWay(double t, double dt) {
        if (choice.together()) {
            stepTogether(t, dt);
        } else {
            code.step(arrays, sendNow != null ? sendNow : emitters, failures, t, dt, 0, bounds[bounds.length - 1]);
        }
    }

    private void stepTogether(double t, double dt) {
        StepTeam.Failure failure = team.run(this, t, dt);
        if (held != null) {
            int sent = failure == null ? held.length : failure.chunk() + 1;
            for (int c = 0; c < held.length; c++) {
                HeldEvents events = held[c];
                if (c < sent) {
                    for (int k = 0; k < events.size; k += 2) {
                        sendNow[events.pairs[k]].accept(events.pairs[k + 1]);
                    }
                }
                events.size = 0;
            }
        }
        if (failure != null) {
            failure.rethrow();
        }
    }
}
