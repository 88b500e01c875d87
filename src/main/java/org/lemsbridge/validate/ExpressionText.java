package org.lemsbridge.validate;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.LemsPrinter;

/** An expression as LEMS text for a message, shortened when very long. */
final class ExpressionText {

    private static final int LONGEST = 160;

    private ExpressionText() {
    }

    static String of(Expr expr) {
        String text = LemsPrinter.print(expr);
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "...";
    }
}
