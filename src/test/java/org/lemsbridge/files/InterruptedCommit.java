package org.lemsbridge.files;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A commit of four destinations that a test stops after some of its moves, as a process killed there would leave
 * it: {@code a.txt} and {@code b.txt} replaced, {@code sub/c.txt} new (in a second folder), and the folder
 * {@code report} replaced as a whole. Its {@link #main} does it in a JVM of its own, to be killed with SIGKILL.
 */
final class InterruptedCommit {

    /** The renames the commit makes: two for each of the three earlier destinations, one for the new file. */
    static final int MOVES = 7;

    /** Thrown by the seam where the process stops. */
    static final class Stopped extends Error {
        Stopped() {
            super("stopped in the middle of the commit", null, false, false);
        }
    }

    private InterruptedCommit() {
    }

    /** The destinations as they were before the commit. */
    static void earlier(Path folder) throws IOException {
        Files.writeString(folder.resolve("a.txt"), "old a");
        Files.writeString(folder.resolve("b.txt"), "old b");
        Files.createDirectories(folder.resolve("sub"));
        Files.createDirectories(folder.resolve("report/cases"));
        Files.writeString(folder.resolve("report/index.html"), "old report");
        Files.writeString(folder.resolve("report/cases/one.txt"), "old case");
    }

    /** Stages the new content of every destination. */
    static void stage(Staging staging, Path folder) throws IOException {
        staging.writeString(folder.resolve("a.txt"), "new a");
        staging.writeString(folder.resolve("b.txt"), "new b");
        staging.writeString(folder.resolve("sub/c.txt"), "new c");
        StagedFolder report = staging.folder(folder.resolve("report"));
        report.writeString(report.path().resolve("index.html"), "new report");
        report.writeString(report.path().resolve("cases/two.txt"), "new case");
    }

    /** Renames that stop the process (through {@code stop}) once {@code moves} renames are done. */
    static Staging.Moves stoppingAfter(int moves, Runnable stop) {
        AtomicInteger done = new AtomicInteger();
        return (from, to) -> {
            if (done.get() >= moves) {
                stop.run();
            }
            Staging.Moves.RENAME.move(from, to);
            if (done.incrementAndGet() == moves) {
                stop.run();
            }
        };
    }

    /**
     * {@code FOLDER MOVES}: stages the commit in FOLDER (already holding the earlier destinations), makes MOVES of its
     * renames, prints {@code stopped} and waits to be killed.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int moves = Integer.parseInt(args[1]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Staging staging = Staging.create(Staging.Writes.DISK, ProcessHandle.current().pid(), stoppingAfter(moves,
                () -> {
                    out.println("stopped");
                    while (true) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
        stage(staging, folder);
        staging.commit();
        out.println("committed");
    }
}
