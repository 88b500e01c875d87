package org.lemsbridge.error;

/**
 * The one exception for input a user can fix: printed by the CLI as {@code file:line:col: message}
 * (plus an optional hint line) with exit code 2.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String hint;

    public BadInputException(SourceLocation location, String message) {
        this(location, message, null, null);
    }

    public BadInputException(SourceLocation location, String message, String hint) {
        this(location, message, hint, null);
    }

    public BadInputException(SourceLocation location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.location = location;
        this.hint = hint;
    }

    public SourceLocation location() {
        return location;
    }

    /** A short suggestion of how to fix it, or null. */
    public String hint() {
        return hint;
    }

    /** The single line the CLI prints. */
    public String oneLine() {
        String text = getMessage() == null ? "bad input" : getMessage().replace('\n', ' ');
        return location + ": " + text;
    }
}
