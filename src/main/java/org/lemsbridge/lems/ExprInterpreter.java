package org.lemsbridge.lems;

import java.util.function.ToDoubleFunction;

import org.lemsbridge.expr.Expr;

/** Evaluates an expression once over named values (derived parameters, Assign values); not for the step loop. */
public final class ExprInterpreter {

    private ExprInterpreter() {
    }

    /** {@code values} returns NaN for an unknown name; the caller decides whether that is an error. */
    public static double evaluate(Expr expr, ToDoubleFunction<String> values) {
        if (expr instanceof Expr.Num n) {
            return n.value();
        }
        if (expr instanceof Expr.Var v) {
            return values.applyAsDouble(v.name());
        }
        if (expr instanceof Expr.Bool b) {
            return b.value() ? 1.0 : 0.0;
        }
        if (expr instanceof Expr.Unary u) {
            return u.op() == Expr.UnaryOp.NEG ? 0.0 - evaluate(u.operand(), values)
                    : (truth(u.operand(), values) ? 0.0 : 1.0);
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b, values);
        }
        if (expr instanceof Expr.Call c) {
            var f = LemsFunctions.lookup(c.function());
            if (f == null || c.args().size() != 1) {
                throw new IllegalArgumentException("function " + c.function() + " cannot be used here");
            }
            return f.applyAsDouble(evaluate(c.args().get(0), values));
        }
        Expr.Piecewise p = (Expr.Piecewise) expr;
        for (Expr.Case k : p.cases()) {
            if (truth(k.condition(), values)) {
                return evaluate(k.value(), values);
            }
        }
        return 0.0;
    }

    private static boolean truth(Expr expr, ToDoubleFunction<String> values) {
        return evaluate(expr, values) != 0.0;
    }

    private static double binary(Expr.Binary b, ToDoubleFunction<String> values) {
        if (b.op() == Expr.BinaryOp.AND) {
            return truth(b.left(), values) && truth(b.right(), values) ? 1.0 : 0.0;
        }
        if (b.op() == Expr.BinaryOp.OR) {
            return truth(b.left(), values) || truth(b.right(), values) ? 1.0 : 0.0;
        }
        double l = evaluate(b.left(), values);
        double r = evaluate(b.right(), values);
        return switch (b.op()) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> Math.pow(l, r);
            case LT -> l < r ? 1.0 : 0.0;
            case LE -> l <= r ? 1.0 : 0.0;
            case GT -> l > r ? 1.0 : 0.0;
            case GE -> l >= r ? 1.0 : 0.0;
            case EQ -> l == r ? 1.0 : 0.0;
            case NE -> l != r ? 1.0 : 0.0;
            case AND, OR -> throw new IllegalStateException();
        };
    }
}
