package org.lemsbridge.sim;

/**
 * How far a run has got: {@code step} of {@code steps} done (the row at {@code time} written), out of a Simulation
 * {@code length} seconds long.
 */
public record RunProgress(long step, long steps, double time, double length) {

    /** The part of the steps done, from 0 to 1 (1 for a run without steps). */
    public double fraction() {
        return steps == 0 ? 1.0 : (double) step / steps;
    }

    public boolean finished() {
        return step == steps;
    }

    /** Told how a run progresses: every few hundred steps and once at the last step, on the simulating thread. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = progress -> { };

        void progressed(RunProgress progress);
    }
}
