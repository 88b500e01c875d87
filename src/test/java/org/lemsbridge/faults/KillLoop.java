package org.lemsbridge.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Starts a command in a child JVM again and again and ends each run with SIGTERM (every fourth with SIGINT) at a
 * random moment after it began writing, then lets the test check what the run left. The number of kill points is
 * {@code -Dlemsbridge.kills=N}: 20 in the normal build, 200 with {@code -Psoak}.
 */
final class KillLoop {

    /** The kill points of one loop. */
    static final int KILLS = Integer.getInteger("lemsbridge.kills", 20);

    /** One kill point: its number, the signal, whether the run had begun writing, and how the child ended. */
    record Kill(int number, boolean interrupt, boolean whileWriting, int exitCode) {

        /** The exit code of a JVM ended by this signal (128 + the signal's number). */
        int signalExitCode() {
            return interrupt ? 130 : 143;
        }

        /** Whether the run had finished before the signal came. */
        boolean cameAfterTheRun() {
            return exitCode == 0;
        }

        @Override
        public String toString() {
            return "kill " + number + " (" + (interrupt ? "SIGINT" : "SIGTERM") + ", exit " + exitCode + ")";
        }
    }

    /** Starts run {@code number} (after preparing what it will replace). */
    @FunctionalInterface
    interface Start {
        Process start(int number) throws IOException;
    }

    /** Whether the run has begun writing (its first temporary is there). */
    @FunctionalInterface
    interface Writing {
        boolean begun() throws IOException;
    }

    /** Checks what the run left. */
    @FunctionalInterface
    interface Check {
        void after(Kill kill) throws IOException;
    }

    private KillLoop() {
    }

    /**
     * Runs {@code kills} kill points, each at a random delay of up to {@code maxDelayMillis} after the run has begun
     * writing (the same delays every time: a fixed seed). Returns how many ended a run that was writing.
     */
    static int run(int kills, int maxDelayMillis, Start start, Writing writing, Check check)
            throws IOException, InterruptedException {
        Random random = new Random(14);
        int endedWhileWriting = 0;
        for (int number = 0; number < kills; number++) {
            boolean interrupt = number % 4 == 3;
            Process child = start.start(number);
            boolean begun = waitUntilWriting(writing, child);
            Thread.sleep(random.nextInt(begun ? maxDelayMillis : 50));
            if (interrupt) {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
            } else {
                child.destroy(); // SIGTERM
            }
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child ended");
            Kill kill = new Kill(number, interrupt, begun, child.exitValue());
            check.after(kill);
            endedWhileWriting += begun && !kill.cameAfterTheRun() ? 1 : 0;
        }
        return endedWhileWriting;
    }

    /** Waits until the child has begun writing (true), or has ended, or 60 s passed. */
    private static boolean waitUntilWriting(Writing writing, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (writing.begun()) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
