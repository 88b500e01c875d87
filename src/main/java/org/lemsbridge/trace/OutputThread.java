package org.lemsbridge.trace;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The one background thread of a run that formats and writes recorded rows, so the stepping loop only copies numbers.
 * Tasks run in the order they were submitted, which keeps each file's rows in order.
 */
public final class OutputThread implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "lemsbridge-output");
        thread.setDaemon(true);
        return thread;
    });

    public Future<?> submit(Runnable task) {
        return executor.submit(task);
    }

    /** Stops the thread, abandoning what is queued; a failed run's files are deleted after this. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
