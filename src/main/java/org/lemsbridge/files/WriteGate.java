package org.lemsbridge.files;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Guards the names made in staged files and folders: every creation, move or rename there passes this gate, and once
 * it is closed none passes any more. Closing waits for those under way, so after {@link #close()} the staged tree
 * changes only by what the closer itself does (it deletes it): no thread of the command can make it again.
 */
final class WriteGate {

    /** How long closing waits for changes under way (a rename, a file being created): long enough, and bounded. */
    private static final long WAIT_MILLIS = 10_000;

    /** A change to the file system made while the gate is open. */
    @FunctionalInterface
    interface Change<T> {
        T make() throws IOException;
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    /**
     * Makes {@code change} unless the gate is closed; changes pass side by side, never while it closes.
     *
     * @throws IOException when the gate is closed (the command is ending), or from {@code change}
     */
    <T> T pass(Change<T> change) throws IOException {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IOException("the command is ending: nothing more is written");
            }
            return change.make();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Lets no change pass from now on, and waits (at most 10 s) for those under way. */
    void close() {
        closed = true;
        boolean waited = false;
        try {
            waited = lock.writeLock().tryLock(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (waited) {
                lock.writeLock().unlock();
            }
        }
    }

    boolean isClosed() {
        return closed;
    }
}
