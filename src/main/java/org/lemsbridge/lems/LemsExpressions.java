package org.lemsbridge.lems;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.ExprSyntaxException;
import org.lemsbridge.expr.LemsParser;

/** The single place where LEMS expression text becomes an {@link Expr} (jLEMS grouping, see {@link LemsParser}). */
final class LemsExpressions {

    private LemsExpressions() {
    }

    /** @throws IllegalArgumentException with a readable message (and the column) when the text is malformed */
    static Expr parse(String text) {
        try {
            return LemsParser.parse(text);
        } catch (ExprSyntaxException e) {
            throw new IllegalArgumentException(e.getMessage() + " (column " + e.column() + ")", e);
        }
    }
}
