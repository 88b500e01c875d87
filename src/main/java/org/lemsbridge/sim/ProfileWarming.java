package org.lemsbridge.sim;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;

/**
 * Runs a batch's generated step, before the run, on copies of its arrays: a few members at times across the run, and
 * with a step far longer than the run's, so the state swings through its thresholds (an Izhikevich cell spikes). The
 * JIT's profile then holds both ways of the tests on time and state, and the code it compiles does not bet that a way
 * never taken never will be: a bet lost (the pulses start, the first spikes come) sent the part back to the
 * interpreter until it was compiled again. Nothing of the run changes: the copies are dropped, events and failures go
 * to callbacks of the warming's own, and the members of a batch in parts draw no random numbers.
 */
final class ProfileWarming {
    /** Calls at each step length; members stepped per call. */
    private static final int CALLS = 24;
    static final int MEMBERS = 16;
    /**
     * Calls at each step length in a run of at least {@link #COMPILING_RUN} member-steps: then the warming's calls
     * alone pass C2's thresholds for the generated code (the JDK's own, which the launcher keeps for it: over 600
     * calls, and over 15 000 calls and loop iterations together; 2 x 450 calls of 16 members), so C2 compiles the
     * parts while the run starts instead of some hundred steps into it (N = 1 000: C2 done about 60 -> 30 ms after the
     * first step).
     */
    static final int COMPILING_CALLS = 450;
    /** Member-steps from which a run is warmed for C2: the warming's 14 400 are then at most 1.5 % of the run's. */
    static final long COMPILING_RUN = 1_000_000;
    /** How many times the run's step the swinging calls take. */
    private static final double LONG_STEP = 400;

    /** {@code -Dlemsbridge.batch.warming=false} leaves the profile to the run (for comparison). */
    static final String PROPERTY = "lemsbridge.batch.warming";

    private ProfileWarming() {
    }

    /** Warms every batch stepped in parts, for a run of {@code length} seconds in steps of {@code step}. */
    static void warmAll(List<BytecodeKernel.Splittable> batches, double length, double step) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) {
            return;
        }
        for (BytecodeKernel.Splittable batch : batches) {
            if (batch.inParts()) {
                warm(batch, length, step);
            }
        }
    }

    static void warm(BytecodeKernel.Splittable batch, double length, double step) {
        // three classes of each callback, so their calls are profiled as calls to any class: the run's own
        // callbacks, of other classes, then meet no bet on the class either
        IntConsumer[] sends = {port -> { }, port -> { }, port -> { }};
        DoubleConsumer[] fails = {t -> { }, t -> { }, t -> { }};
        IntConsumer[] emitters = new IntConsumer[batch.emitters().length];
        for (int i = 0; i < emitters.length; i++) {
            emitters[i] = sends[i % sends.length];
        }
        DoubleConsumer[] failures = new DoubleConsumer[batch.failures().length];
        for (int i = 0; i < failures.length; i++) {
            failures[i] = fails[i % fails.length];
        }
        stepCopies(batch, length, step, emitters, failures);
    }

    /** Calls at each of the two step lengths for {@code members} in a run of {@code length} seconds by {@code step}. */
    static int callsPerStepLength(int members, double length, double step) {
        return members * (length / step) >= COMPILING_RUN ? COMPILING_CALLS : CALLS;
    }

    /** Steps copies of the batch's arrays as {@link #warm} does, calling {@code emitters} and {@code failures}. */
    static void stepCopies(BytecodeKernel.Splittable batch, double length, double step, IntConsumer[] emitters,
            DoubleConsumer[] failures) {
        double[][] copies = new double[batch.arrays().length][];
        for (int a = 0; a < copies.length; a++) {
            copies[a] = Arrays.copyOf(batch.arrays()[a], batch.arrays()[a].length);
        }
        int members = Math.min(MEMBERS, batch.members());
        int calls = callsPerStepLength(batch.members(), length, step);
        for (double dt : new double[] {step, step * LONG_STEP}) {
            for (int call = 0; call < calls; call++) {
                double t = length * call / (calls - 1);
                batch.code().step(copies, emitters, failures, t, dt, 0, members);
            }
        }
    }
}
