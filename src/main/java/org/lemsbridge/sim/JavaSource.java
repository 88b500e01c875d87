package org.lemsbridge.sim;

import org.lemsbridge.expr.Expr;

/**
 * Prints an {@link Expr} as a fully bracketed Java expression over {@code v[slot]} with the same operations in
 * the same order as {@link ExprCompiler}, so the JIT-compiled code rounds exactly as the lambda tree does.
 * Returns null for what it does not print (factorial, unknown names), leaving that code to the lambda tree.
 */
final class JavaSource {

    private final ExprCompiler.Names names;

    JavaSource(ExprCompiler.Names names) {
        this.names = names;
    }

    String number(Expr expr) {
        if (expr instanceof Expr.Num n) {
            return literal(n.value());
        }
        if (expr instanceof Expr.Var var) {
            int slot = names.slot(var.name());
            if (slot >= 0) {
                return "v[" + slot + "]";
            }
            Double constant = names.constant(var.name());
            return constant == null ? null : literal(constant);
        }
        if (expr instanceof Expr.Bool b) {
            return b.value() ? "1.0" : "0.0";
        }
        if (expr instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NEG) {
                String operand = number(u.operand());
                return operand == null ? null : "(0.0 - " + operand + ")";
            }
            String operand = condition(u.operand());
            return operand == null ? null : "(" + operand + " ? 0.0 : 1.0)";
        }
        if (expr instanceof Expr.Binary b) {
            if (!b.op().isArithmetic()) {
                String test = condition(b);
                return test == null ? null : "(" + test + " ? 1.0 : 0.0)";
            }
            String l = number(b.left());
            String r = number(b.right());
            if (l == null || r == null) {
                return null;
            }
            return switch (b.op()) {
                case ADD -> "(" + l + " + " + r + ")";
                case SUB -> "(" + l + " - " + r + ")";
                case MUL -> "(" + l + " * " + r + ")";
                case DIV -> "(" + l + " / " + r + ")";
                case POW -> "Math.pow(" + l + ", " + r + ")";
                default -> null;
            };
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        Expr.Piecewise piecewise = (Expr.Piecewise) expr;
        StringBuilder out = new StringBuilder();
        for (Expr.Case c : piecewise.cases()) {
            String test = condition(c.condition());
            String value = number(c.value());
            if (test == null || value == null) {
                return null;
            }
            out.append('(').append(test).append(" ? ").append(value).append(" : ");
        }
        out.append("0.0");
        out.append(")".repeat(piecewise.cases().size()));
        return out.toString();
    }

    String condition(Expr expr) {
        if (expr instanceof Expr.Bool b) {
            return b.value() ? "true" : "false";
        }
        if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            String operand = condition(u.operand());
            return operand == null ? null : "(!" + operand + ")";
        }
        if (expr instanceof Expr.Binary b && !b.op().isArithmetic()) {
            if (b.op().isLogical()) {
                String l = condition(b.left());
                String r = condition(b.right());
                if (l == null || r == null) {
                    return null;
                }
                return "(" + l + (b.op() == Expr.BinaryOp.AND ? " && " : " || ") + r + ")";
            }
            String l = number(b.left());
            String r = number(b.right());
            if (l == null || r == null) {
                return null;
            }
            String op = switch (b.op()) {
                case LT -> " < ";
                case LE -> " <= ";
                case GT -> " > ";
                case GE -> " >= ";
                case EQ -> " == ";
                default -> " != ";
            };
            return "(" + l + op + r + ")";
        }
        String value = number(expr);
        return value == null ? null : "(" + value + " != 0.0)";
    }

    private String call(Expr.Call call) {
        if (call.args().size() != 1) {
            return null;
        }
        String x = number(call.args().get(0));
        if (x == null) {
            return null;
        }
        String name = call.function().toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "sqrt", "ceil", "abs", "log" ->
                    "Math." + name + "(" + x + ")";
            case "ln" -> "Math.log(" + x + ")";
            case "h", "heaviside" -> "(0.5 * (Math.signum(" + x + ") + 1))";
            case "random" -> "(" + x + " * random.nextDouble())";
            default -> null;
        };
    }

    static String literal(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        String text = Double.toString(value);
        return value < 0 || (value == 0 && 1 / value < 0) ? "(" + text + ")" : text;
    }
}
