package org.lemsbridge.sim;

import java.util.List;

/**
 * Which batches of independent members step on several threads, and on how many. Automatically
 * ({@link SimulationOptions#AUTOMATIC_THREADS}) only where it pays: on a machine with more than one processor, for a
 * batch whose step is at least {@link #MIN_WORK} (members times the bytes of code of one member's step); the
 * synchronisation of every step costs some microseconds, which a smaller batch does not win back (measured with
 * {@code bench/ThreadThreshold}, see bench/README.md); and then, step by step, only while it pays: a
 * {@link SplitChoice} times both ways and keeps the faster (a busy machine makes the threads slower). A requested
 * count of 2 or more splits every such batch whatever its size, in every step (for tests, and on any machine); 1
 * splits none.
 */
final class BatchThreads {

    /** {@code -Dlemsbridge.threads=N} overrides {@link SimulationOptions#threads()} (0: automatic). */
    static final String PROPERTY = "lemsbridge.threads";
    /** Members x bytes of code per member below which a batch stays on one thread (see the class comment). */
    static final long MIN_WORK = 1_200_000;
    /** Chunks per thread: a thread that falls behind leaves its chunks to the others. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** The fewest members of a chunk in automatic mode. */
    private static final int MIN_CHUNK = 64;

    private BatchThreads() {
    }

    /**
     * {@code -Dlemsbridge.threads.minWork=W} replaces {@link #MIN_WORK} (and, with forced threads, splits only batches
     * of at least W): for measuring the threshold.
     */
    static final String MIN_WORK_PROPERTY = "lemsbridge.threads.minWork";

    /** The count asked for: the system property if set, else the option. */
    static int requested(SimulationOptions options) {
        Integer property = Integer.getInteger(PROPERTY);
        return property != null && property >= 0 ? property : options.threads();
    }

    /**
     * Splits the batches that gain from it over a team of threads (each such batch's first member then steps it
     * through a {@link SplitBatch}) and returns the team, to be closed after the run, or null when no batch is split.
     */
    static StepTeam split(List<BytecodeKernel.Splittable> batches, int requested, int processors) {
        boolean automatic = requested == SimulationOptions.AUTOMATIC_THREADS;
        int threads = automatic ? processors : requested;
        if (threads < 2) {
            return null;
        }
        long minWork = Long.getLong(MIN_WORK_PROPERTY, automatic ? MIN_WORK : 0);
        StepTeam team = null;
        for (BytecodeKernel.Splittable batch : batches) {
            if ((long) batch.members() * batch.memberCodeBytes() < minWork) {
                continue;
            }
            int chunks = Math.min(batch.members(), threads * CHUNKS_PER_THREAD);
            if (automatic) {
                chunks = Math.max(1, Math.min(chunks, batch.members() / MIN_CHUNK));
            }
            if (chunks < 2) {
                continue;
            }
            if (team == null) {
                team = new StepTeam(threads);
            }
            batch.first().stepSplit(new SplitBatch(batch, team, chunks,
                    automatic ? SplitChoice.timed() : SplitChoice.always()));
        }
        return team;
    }
}
