package org.lemsbridge.sim;

/**
 * Chooses, step by step, whether a split batch steps on its team of threads or on the stepping thread alone, by
 * timing both: the two ways write the same bytes, so the choice is only about speed, and what is faster depends on
 * the batch, the machine and what else runs on it. In each cycle a few windows of steps are timed each way
 * (interleaved), then the faster way runs for a long stretch, then the next cycle measures again.
 */
final class SplitChoice {
    /** Steps in one timed window. */
    static final int WINDOW = 64;
    /** Windows timed each way at the start of a cycle. */
    static final int PROBES = 3;
    /** Windows the faster way then runs before the next cycle. */
    static final int KEEP = 120;

    private final boolean adaptive;
    private int step;
    private int window;
    private long together;
    private long alone;
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
        if (window < 2 * PROBES) {
            if (window % 2 == 0) {
                together += nanos;
            } else {
                alone += nanos;
            }
        }
        if (++step < WINDOW) {
            return;
        }
        step = 0;
        window++;
        if (window == 2 * PROBES) {
            togetherIsFaster = together <= alone;
        } else if (window == 2 * PROBES + KEEP) {
            window = 0;
            together = 0;
            alone = 0;
        }
    }
}
