package org.lemsbridge.lems;

import org.lemsbridge.expr.Expr;

/** The single place where LEMS expression text becomes an {@link Expr}. */
final class LemsExpressions {

    private LemsExpressions() {
    }

    static Expr parse(String text) {
        return JlemsExpressionParser.parse(text);
    }
}
