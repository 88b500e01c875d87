package org.lemsbridge.expr;

/**
 * An expression string that cannot be parsed. {@link #column()} is 1-based within the string given to the
 * parser; callers add it to the position of the string in its file when they report a {@code BadInputException}.
 */
public final class ExprSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int column;

    public ExprSyntaxException(String message, int column) {
        super(message);
        this.column = Math.max(1, column);
    }

    /** 1-based column of the offending character within the parsed string. */
    public int column() {
        return column;
    }
}
