package org.lemsbridge.units;

import java.util.stream.Collectors;
import org.lemsbridge.expr.Expr;

/** A plain infix rendering of an expression, only for error messages. */
final class ExprText {

    private ExprText() {
    }

    static String of(Expr expr) {
        if (expr instanceof Expr.Num num) {
            return number(num.value());
        }
        if (expr instanceof Expr.Var var) {
            return var.name();
        }
        if (expr instanceof Expr.Bool bool) {
            return bool.value() ? "True" : "False";
        }
        if (expr instanceof Expr.Unary unary) {
            return (unary.op() == Expr.UnaryOp.NEG ? "-" : "not ") + operand(unary.operand(), 0);
        }
        if (expr instanceof Expr.Binary binary) {
            int precedence = precedence(binary.op());
            String left = operand(binary.left(), precedence + 1);
            String right = operand(binary.right(), precedence);
            return left + " " + symbol(binary.op()) + " " + right;
        }
        if (expr instanceof Expr.Call call) {
            return call.function() + "("
                    + call.args().stream().map(ExprText::of).collect(Collectors.joining(", ")) + ")";
        }
        Expr.Piecewise piecewise = (Expr.Piecewise) expr;
        return "Piecewise(" + piecewise.cases().stream()
                .map(c -> "(" + of(c.value()) + ", " + of(c.condition()) + ")")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Brackets a binary operand whose precedence number is {@code limit} or more (binds as loosely or looser). */
    private static String operand(Expr expr, int limit) {
        String text = of(expr);
        if (expr instanceof Expr.Binary binary && precedence(binary.op()) >= limit) {
            return "(" + text + ")";
        }
        return text;
    }

    private static int precedence(Expr.BinaryOp op) {
        return switch (op) {
            case POW -> 1;
            case MUL, DIV -> 2;
            case ADD, SUB -> 3;
            case LT, LE, GT, GE, EQ, NE -> 4;
            case AND -> 5;
            case OR -> 6;
        };
    }

    private static String symbol(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case POW -> "^";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            case AND -> "and";
            case OR -> "or";
        };
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
