package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/**
 * One command line run in this JVM through {@link Main#execute}, as the tests' one way to run the CLI: its exit code,
 * what it printed on stdout and stderr, and how long it took.
 */
public record CliRun(List<String> args, int exitCode, String out, String err, long millis) {

    public CliRun {
        args = List.copyOf(args);
    }

    public static CliRun of(String... args) {
        return of(Arrays.asList(args));
    }

    public static CliRun of(List<String> args) {
        return run(args, false);
    }

    /** As the process would run with its stderr on a terminal (where {@code simulate} shows its progress). */
    static CliRun onTerminal(String... args) {
        return run(Arrays.asList(args), true);
    }

    private static CliRun run(List<String> args, boolean errIsTerminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err),
                failure -> { }, errIsTerminal);
        return new CliRun(args, code, out.toString(), err.toString(), (System.nanoTime() - start) / 1_000_000);
    }

    /** The lines of stderr that are not empty. */
    public List<String> errLines() {
        return err.lines().filter(line -> !line.isEmpty()).toList();
    }

    /** The command line, its exit code and (the start of) what it printed, for an assertion's message. */
    public String describe() {
        return String.join(" ", args) + "\n  exit " + exitCode + "\n  stdout: " + abbreviate(out) + "\n  stderr: "
                + abbreviate(err);
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
