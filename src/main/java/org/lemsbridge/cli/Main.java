package org.lemsbridge.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;


import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The only place that calls {@code System.exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args,
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), failure -> { },
                Terminal.stderrIsTerminal()));
    }

    /** Runs one command line and returns its exit code; used by {@link #main} and by tests. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, failure -> { });
    }

    /**
     * As {@link #execute(String[], PrintWriter, PrintWriter)}; {@code failures} also receives the exception behind
     * an exit code of 2 or 3 that a command threw (so {@code serve} can answer with its location).
     */
    static int execute(String[] args, PrintWriter out, PrintWriter err, Consumer<Throwable> failures) {
        return execute(args, out, err, failures, false);
    }

    /** As above; {@code errIsTerminal}: {@code err} is the process's stderr and a terminal (progress is shown). */
    static int execute(String[] given, PrintWriter out, PrintWriter err, Consumer<Throwable> failures,
            boolean errIsTerminal) {
        String[] args = Subcommands.withJnmlShorthand(given);
        Optional<SimulateSettings> plain = PlainSimulateLine.parse(args);
        int code = plain.isPresent() ? simulate(plain.get(), out, err, failures, errIsTerminal)
                : executeWithPicocli(args, out, err, failures, errIsTerminal);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs a plain simulate line (see {@link PlainSimulateLine}) as picocli would run it, without picocli. */
    private static int simulate(SimulateSettings settings, PrintWriter out, PrintWriter err,
            Consumer<Throwable> failures, boolean errIsTerminal) {
        try {
            return new SimulateRun(settings, out, err, errIsTerminal).run();
        } catch (Exception thrown) { // what picocli hands its execution exception handler
            Throwable exception = ErrorReport.asReported(thrown);
            failures.accept(exception);
            return ErrorReport.print(exception, err, settings.debug());
        } catch (Throwable crash) { // an Error passes picocli's handler by
            failures.accept(crash);
            return ErrorReport.print(crash, err, settings.debug());
        }
    }

    /** Runs {@code args} (the jnml shorthand already expanded) through picocli. */
    static int executeWithPicocli(String[] args, PrintWriter out, PrintWriter err,
            Consumer<Throwable> failures, boolean errIsTerminal) {
        CommandLine commandLine = Subcommands.addTo(new CommandLine(new LemsbridgeCommand()), args);
        CommandLine simulate = commandLine.getSubcommands().get("simulate");
        if (simulate != null) {
            simulate.<SimulateCommand>getCommand().stderrIsTerminal(errIsTerminal);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((thrown, cmd, parseResult) -> {
            Throwable exception = ErrorReport.asReported(thrown);
            failures.accept(exception);
            return ErrorReport.print(exception, err, debugRequested(parseResult));
        });
        try {
            return commandLine.execute(args);
        } catch (Throwable crash) { // an Error (out of memory, stack overflow) passes picocli's handler by
            failures.accept(crash);
            return ErrorReport.print(crash, err, debugRequested(commandLine.getParseResult()));
        }
    }

    /** Whether {@code --debug} was given to the command or any of its subcommands, as picocli parsed it. */
    private static boolean debugRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
