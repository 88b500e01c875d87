package org.lemsbridge.hostile;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.lemsbridge.cli.Main;

/** One command line run through {@link Main#execute}: its exit code, stdout and stderr, and how long it took. */
record CommandRun(List<String> args, int exitCode, String out, String err, long millis) {

    static CommandRun of(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new CommandRun(List.copyOf(args), code, out.toString(), err.toString(),
                (System.nanoTime() - start) / 1_000_000);
    }

    List<String> errLines() {
        return err.lines().filter(line -> !line.isEmpty()).toList();
    }

    String describe() {
        return String.join(" ", args) + "\n  exit " + exitCode + "\n  stdout: " + abbreviate(out) + "\n  stderr: "
                + abbreviate(err);
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "...";
    }
}
