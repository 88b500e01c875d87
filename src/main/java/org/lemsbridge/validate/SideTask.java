package org.lemsbridge.validate;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.lemsbridge.error.Rethrow;

/**
 * Work done on a thread of its own while the caller does something else, for checks of large documents that need
 * not wait for each other. {@link #join} gives its result, or throws what it threw, as calling it directly would.
 */
final class SideTask<T> {

    private final FutureTask<T> task;

    private SideTask(Supplier<T> work) {
        this.task = new FutureTask<>(work::get);
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    static <T> SideTask<T> start(String name, Supplier<T> work) {
        SideTask<T> side = new SideTask<>(work);
        Thread thread = new Thread(side.task, name);
        thread.setDaemon(true);
        thread.start();
        return side;
    }

    /** The work's result once it is done; an interrupt while waiting is kept for the caller to see afterwards. */
    T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw Rethrow.unchecked(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
