package org.lemsbridge.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.lemsbridge.error.Rethrow;

/**
 * The threads that step the chunks of a split batch ({@link SplitBatch}) together with the stepping thread: the
 * stepping thread publishes a round, takes chunks itself and waits until every chunk is done. Workers take chunks from
 * the same round: each thread first its own share (the same members every step, which keeps their state in its core's
 * cache: chunks that wandered between cores made two threads little faster than one), then whatever no thread has
 * taken yet, so a worker the system does not schedule in time costs nothing but its share; between rounds they spin
 * briefly (rounds follow each other within microseconds), then park.
 */
final class StepTeam implements AutoCloseable {

    /** What a round steps: {@code chunks()} pieces that may run in any order and at once. */
    interface Job {
        int chunks();

        void runChunk(int chunk, double t, double dt);
    }

    /** A chunk that failed, with what it threw. */
    record Failure(int chunk, Throwable error) {
        void rethrow() {
            throw Rethrow.unchecked(error);
        }
    }

    /** How long a thread waits actively for a round or for the last chunk before it parks or yields. */
    private static final long SPIN_NANOS = 50_000;

    private static final class Round {
        final Job job;
        final double t;
        final double dt;
        final int chunks;
        final int threads;
        /**
         * 1 once a thread has taken the chunk. Not an AtomicIntegerArray: its var handle is linked at first use,
         * which spins method-handle classes at the start of a run.
         */
        final AtomicInteger[] taken;
        final AtomicInteger done = new AtomicInteger();
        /** Written before {@code done} counts the chunk, so the stepping thread sees them. */
        final Throwable[] failures;

        Round(Job job, double t, double dt, int threads) {
            this.job = job;
            this.t = t;
            this.dt = dt;
            this.chunks = job.chunks();
            this.threads = threads;
            this.taken = new AtomicInteger[chunks];
            for (int chunk = 0; chunk < chunks; chunk++) {
                taken[chunk] = new AtomicInteger();
            }
            this.failures = new Throwable[chunks];
        }

        /**
         * Thread {@code self} steps its own share of the chunks first (the same members every step, so their state
         * stays in that core's cache), then any chunk no other thread has taken yet.
         */
        void work(int self) {
            int first = (int) ((long) chunks * self / threads);
            int end = (int) ((long) chunks * (self + 1) / threads);
            for (int chunk = first; chunk < end; chunk++) {
                run(chunk);
            }
            for (int chunk = 0; chunk < chunks; chunk++) {
                run(chunk);
            }
        }

        private void run(int chunk) {
            if (taken[chunk].get() != 0 || !taken[chunk].compareAndSet(0, 1)) {
                return;
            }
            try {
                job.runChunk(chunk, t, dt);
            } catch (Throwable e) {
                failures[chunk] = e;
            }
            done.incrementAndGet();
        }
    }

    private static final class Worker {
        final int index;
        Thread thread;

        Worker(int index) {
            this.index = index;
        }

        volatile boolean asleep;
    }

    private final Worker[] workers;
    private volatile Round current;
    private volatile boolean closed;

    /** A team of {@code threads} threads: the stepping thread and {@code threads - 1} workers. */
    StepTeam(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Worker worker = new Worker(i + 1);
            worker.thread = new Thread(() -> serve(worker), "lemsbridge-step-" + (i + 1));
            worker.thread.setDaemon(true);
            workers[i] = worker;
        }
        for (Worker worker : workers) {
            worker.thread.start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /**
     * Runs every chunk of {@code job} for the step ending at {@code t} and returns when all are done: null, or the
     * first chunk (in chunk order) that failed.
     */
    Failure run(Job job, double t, double dt) {
        Round round = new Round(job, t, dt, threads());
        current = round;
        for (Worker worker : workers) {
            if (worker.asleep) {
                LockSupport.unpark(worker.thread);
            }
        }
        round.work(0);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (round.done.get() < round.chunks) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        for (int chunk = 0; chunk < round.chunks; chunk++) {
            if (round.failures[chunk] != null) {
                return new Failure(chunk, round.failures[chunk]);
            }
        }
        return null;
    }

    private void serve(Worker self) {
        Round seen = null;
        while (true) {
            Round round = awaitRound(seen, self);
            if (round == null) {
                return;
            }
            seen = round;
            round.work(self.index);
        }
    }

    /** The next round after {@code seen}, or null once the team is closed. */
    private Round awaitRound(Round seen, Worker self) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (true) {
            if (closed) {
                return null;
            }
            Round round = current;
            if (round != seen) {
                return round;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            self.asleep = true;
            if (current == seen && !closed) {
                LockSupport.park(this);
            }
            self.asleep = false;
            spinUntil = System.nanoTime() + SPIN_NANOS;
        }
    }

    /** Stops the workers (they hold nothing: a round in progress has already been waited for). */
    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
    }
}
