package org.lemsbridge.cli;

import java.io.PrintWriter;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.Crash;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.validate.OneLine;

/**
 * How every command reports what stopped it, and its exit code: bad input (I/O failures included) as one line
 * {@code file:line:col: message} or {@code path: message} plus at most a hint line, exit 2; anything else as one
 * {@code lemsbridge: ...} line, exit 3. {@code --debug} adds the stack trace.
 */
final class ErrorReport {
    private ErrorReport() {
    }

    /** What a command threw, as it is reported: an output that could not be written is bad input at its path. */
    static Throwable asReported(Throwable thrown) {
        return thrown instanceof OutputFailure failure ? failure.toBadInput() : thrown;
    }

    /** Prints {@code exception} and returns the exit code; {@code serve} uses it too. */
    static int print(Throwable exception, PrintWriter err, boolean debug) {
        if (exception instanceof BadInputException bad) {
            print(bad, err);
            if (debug) {
                bad.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        }
        if (Crash.isResourceExhaustion(exception)) {
            err.println("lemsbridge: " + Crash.describe(exception));
        } else {
            err.println("lemsbridge: " + Crash.describe(exception)
                    + (debug ? "" : " (run again with --debug for details and please report it)"));
        }
        if (debug) {
            exception.printStackTrace(err);
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The one line (and hint line) of a problem that does not stop the command (a file, a member, a case). */
    static void print(BadInputException bad, PrintWriter err) {
        err.println(OneLine.of(bad.oneLine()));
        if (bad.hint() != null) {
            err.println("  hint: " + OneLine.of(bad.hint()));
        }
    }
}
