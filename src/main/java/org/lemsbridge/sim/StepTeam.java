package org.lemsbridge.sim;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that step the chunks of a split batch ({@link SplitBatch}) together with the stepping thread: the
 * stepping thread publishes a round, takes chunks itself and waits until every chunk is done. Workers take chunks from
 * the same counter, so a worker the system does not schedule in time costs nothing but its share; between rounds they
 * spin briefly (rounds follow each other within microseconds), then park.
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
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(error);
        }
    }

    /** How long a thread waits actively for a round or for the last chunk before it parks or yields. */
    private static final long SPIN_NANOS = 50_000;

    private static final class Round {
        final Job job;
        final double t;
        final double dt;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        /** Written before {@code done} counts the chunk, so the stepping thread sees them. */
        final Throwable[] failures;

        Round(Job job, double t, double dt) {
            this.job = job;
            this.t = t;
            this.dt = dt;
            this.chunks = job.chunks();
            this.failures = new Throwable[chunks];
        }

        void work() {
            for (int chunk = next.getAndIncrement(); chunk < chunks; chunk = next.getAndIncrement()) {
                try {
                    job.runChunk(chunk, t, dt);
                } catch (Throwable e) {
                    failures[chunk] = e;
                }
                done.incrementAndGet();
            }
        }
    }

    private static final class Worker {
        Thread thread;
        volatile boolean asleep;
    }

    private final Worker[] workers;
    private volatile Round current;
    private volatile boolean closed;

    /** A team of {@code threads} threads: the stepping thread and {@code threads - 1} workers. */
    StepTeam(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            Worker worker = new Worker();
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
        Round round = new Round(job, t, dt);
        current = round;
        for (Worker worker : workers) {
            if (worker.asleep) {
                LockSupport.unpark(worker.thread);
            }
        }
        round.work();
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
            round.work();
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
