package org.lemsbridge.cli;

/** The exit codes every command shares; documented in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    static final String HELP_TEXT = "%nExit codes:%n"
            + "  0  success: everything passed%n"
            + "  1  a verdict or findings: a comparison failed, validation found errors%n"
            + "  2  bad input or usage: unreadable, malformed or unsafe input (one line: file:line:col: message)%n"
            + "  3  internal error: a bug in lemsbridge (please report it with --debug output), or out of memory or%n"
            + "     stack (one line; LEMSBRIDGE_JAVA_OPTS=-Xmx... gives a larger heap)%n";

    private ExitCodes() {
    }
}
