package org.lemsbridge.sim;

import java.util.Arrays;

/**
 * Chooses, step by step, whether a split batch steps on its team of threads or on the stepping thread alone, by
 * timing both: the two ways write the same bytes, so the choice is only about speed, and what is faster depends on
 * the batch, the machine and what else runs on it. In each cycle a few windows of steps are timed each way
 * (interleaved), then the way with the lower median window runs for a stretch, then the next cycle measures again.
 * The first stretch is short: the first windows run while the JIT compiler is still at work, which can mislead.
 */
final class SplitChoice {
    /** Steps in one timed window. */
    static final int WINDOW = 64;
    /** Windows timed each way at the start of a cycle. */
    static final int PROBES = 3;
    /** Windows the faster way runs after the first cycle's probes. */
    static final int FIRST_KEEP = 16;
    /** Windows the faster way runs after every later cycle's probes. */
    static final int KEEP = 120;

    private final boolean adaptive;
    private final long[] together = new long[PROBES];
    private final long[] alone = new long[PROBES];
    private int step;
    private int window;
    private int keep = FIRST_KEEP;
    private long windowNanos;
    private boolean togetherIsFaster = true;

    private SplitChoice(boolean adaptive) {
        this.adaptive = adaptive;
    }

    /** Always on the team (threads asked for explicitly). */
    static SplitChoice always() {
        return new SplitChoice(false);
    }

    /** Whichever way was faster when last measured. */
    static SplitChoice timed() {
        return new SplitChoice(true);
    }

    /** Whether the coming step runs on the team. */
    boolean together() {
        if (!adaptive) {
            return true;
        }
        return window < 2 * PROBES ? window % 2 == 0 : togetherIsFaster;
    }

    /** Whether the coming step is timed (then pass its time to {@link #stepped}). */
    boolean timing() {
        return adaptive && window < 2 * PROBES;
    }

    /** One step done, which took {@code nanos} if it was timed. */
    void stepped(long nanos) {
        if (!adaptive) {
            return;
        }
        windowNanos += nanos;
        if (++step < WINDOW) {
            return;
        }
        if (window < 2 * PROBES) {
            (window % 2 == 0 ? together : alone)[window / 2] = windowNanos;
        }
        step = 0;
        windowNanos = 0;
        window++;
        if (window == 2 * PROBES) {
            togetherIsFaster = median(together) <= median(alone);
        } else if (window == 2 * PROBES + keep) {
            window = 0;
            keep = KEEP;
        }
    }

    private static long median(long[] windows) {
        long[] sorted = windows.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
