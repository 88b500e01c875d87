package org.lemsbridge.expr;

/**
 * Limits that keep both parsers (and every recursive walk over their trees) safe from hostile input.
 * Exceeding one gives an {@link ExprSyntaxException}.
 */
public final class ParseLimits {

    /** Longest accepted expression text, in characters. */
    public static final int MAX_LENGTH = 100_000;

    /** Deepest accepted nesting of brackets, function calls, unary operators and powers while parsing. */
    public static final int MAX_NESTING = 200;

    /** Deepest accepted resulting tree (a leaf has depth 1); bounds a left-deep chain such as {@code a+b+c+...}. */
    public static final int MAX_TREE_DEPTH = 1000;

    /**
     * Most {@code %}/{@code Mod} in one expression: each is read as {@code a - b*floor(a/b)}, which repeats {@code a}
     * and {@code b}, so a chain of them doubles the tree each time.
     */
    public static final int MAX_MODULI = 16;

    private ParseLimits() {
    }

    static void checkLength(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExprSyntaxException("expression longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
    }
}
