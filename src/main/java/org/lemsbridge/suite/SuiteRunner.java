package org.lemsbridge.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.lemsbridge.files.StagedFolder;

/** Runs a suite's cases in one JVM, {@code jobs} at a time, reporting each as it finishes. */
public final class SuiteRunner {
    private final StagedFolder reportFolder;
    private final int jobs;
    private final Consumer<CaseResult> onFinished;

    public SuiteRunner(StagedFolder reportFolder, int jobs, Consumer<CaseResult> onFinished) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        this.reportFolder = reportFolder;
        this.jobs = jobs;
        this.onFinished = onFinished;
    }

    public SuiteResult run(Suite suite) {
        long start = System.nanoTime();
        CaseRunner runner = new CaseRunner(reportFolder);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, suite.cases().size())), task -> {
            Thread thread = new Thread(task, "lemsbridge-case");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (SuiteCase suiteCase : suite.cases()) {
                futures.add(pool.submit(() -> {
                    CaseResult result = runner.run(suiteCase);
                    synchronized (onFinished) {
                        onFinished.accept(result);
                    }
                    return result;
                }));
            }
            List<CaseResult> results = new ArrayList<>();
            for (Future<CaseResult> future : futures) {
                results.add(await(future));
            }
            return new SuiteResult(suite, results, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static CaseResult await(Future<CaseResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the suite", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a case crashed the runner", e.getCause());
        }
    }
}
