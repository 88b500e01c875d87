package org.lemsbridge.sim;

import java.util.PriorityQueue;
import java.util.Random;

import org.lemsbridge.tree.Connection;

/** The clock, the random generator and the queue of delayed events shared by all instances of one run. */
final class Engine {

    private record Pending(double time, long sequence, Connection connection) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byTime = Double.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    final Random random;
    double time;
    /** t_k of the last deliverDue call: the send time of events queued in this step. */
    private double queueTime;
    long stepIndex;
    private long sequence;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();

    Engine(long seed) {
        this.random = new Random(seed);
    }

    void schedule(Connection connection) {
        queue.add(new Pending(queueTime + connection.delay(), sequence++, connection));
    }

    /** Whether no event waits for delivery. */
    boolean idle() {
        return queue.isEmpty();
    }

    /** Delivers, in time order (FIFO for equal times), every queued event due at or before {@code t}. */
    void deliverDue(double t) {
        queueTime = t;
        while (!queue.isEmpty() && queue.peek().time() <= t) {
            queue.poll().connection().target().receive();
        }
    }
}
