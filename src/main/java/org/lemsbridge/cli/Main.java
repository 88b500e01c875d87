package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.validate.OneLine;

import picocli.CommandLine;

/** The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine commandLine = new CommandLine(new LemsbridgeCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> report(exception, err, debug));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int report(Exception exception, PrintWriter err, boolean debug) {
        if (exception instanceof BadInputException bad) {
            err.println(OneLine.of(bad.oneLine()));
            if (bad.hint() != null) {
                err.println("  hint: " + OneLine.of(bad.hint()));
            }
            if (debug) {
                bad.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        }
        err.println("lemsbridge: internal error: " + exception
                + (debug ? "" : " (run again with --debug for details and please report it)"));
        if (debug) {
            exception.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }
}
