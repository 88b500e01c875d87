package org.lemsbridge.error;

/**
 * The one exception for input a user can fix: printed by the CLI as {@code file:line:col: message}
 * (plus an optional hint line) with exit code 2; an {@link Kind#IO_FAILURE} as {@code path: message}.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of problem it is, for callers that treat some kinds apart (a report's code, a fallback). */
    public enum Kind {
        /** any problem no caller needs to tell apart */
        GENERAL,
        /** an expression's or a value's dimension differs from the one it must have */
        DIMENSION_MISMATCH,
        /** a file or folder that could not be read or written ({@link IoFailure}): located by its path alone */
        IO_FAILURE
    }

    private final transient SourceLocation location;
    private final String hint;
    private final Kind kind;

    public BadInputException(SourceLocation location, String message) {
        this(location, message, null, null);
    }

    public BadInputException(SourceLocation location, String message, String hint) {
        this(location, message, hint, null);
    }

    public BadInputException(SourceLocation location, String message, String hint, Throwable cause) {
        this(Kind.GENERAL, location, message, hint, cause);
    }

    public BadInputException(Kind kind, SourceLocation location, String message, String hint, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.location = location;
        this.hint = hint;
    }

    public Kind kind() {
        return kind;
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
        return (kind == Kind.IO_FAILURE ? location.file() : location) + ": " + text;
    }
}
