package org.lemsbridge.expr;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.UnaryOp;
import org.lemsbridge.expr.Expr.Var;

/**
 * Prints trees in SymPy syntax with as few brackets as {@link SympyParser}'s precedence allows, so that
 * {@code SympyParser.parse(print(e)).equals(e)} for SymPy-canonical trees (no negative or {@code -0.0} literals: a
 * negative number is {@code Unary(NEG, Num)}). Extra brackets are kept where Python reads the text differently:
 * comparisons inside {@code &}/{@code |}/{@code ~} ({@code (x > 0) & (y < 1)}), and a negated operand on the right of
 * a binary operator ({@code a*(-b)}). Equality prints as {@code Eq(a, b)}/{@code Ne(a, b)}, power as {@code **},
 * functions with SymPy names ({@code Abs}, {@code Heaviside}, {@code ceiling}, {@code Min}, {@code Max}).
 */
public final class SympyPrinter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> RESERVED = Set.of("True", "False", "oo", "nan");

    // Binding levels, loosest first; an operand printed at a looser level than required gets brackets.
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int RELATION = 4;
    private static final int ADDITIVE = 5;
    private static final int MULTIPLICATIVE = 6;
    private static final int UNARY = 7;
    private static final int POWER = 8;
    private static final int ATOM = 9;

    private SympyPrinter() {
    }

    /** SymPy text for {@code e}. */
    public static String print(Expr e) {
        return text(e);
    }

    private static String text(Expr e) {
        if (e instanceof Num n) {
            return number(n.value());
        }
        if (e instanceof Var v) {
            if (!NAME.matcher(v.name()).matches() || RESERVED.contains(v.name())) {
                throw new IllegalArgumentException("'" + v.name() + "' cannot be written as a SymPy name");
            }
            return v.name();
        }
        if (e instanceof Bool b) {
            return b.value() ? "True" : "False";
        }
        if (e instanceof Unary u) {
            if (u.op() == UnaryOp.NEG) {
                return "-" + operand(u.operand(), POWER, true);
            }
            return "~" + operand(u.operand(), ATOM, false);
        }
        if (e instanceof Binary b) {
            return binary(b);
        }
        if (e instanceof Call c) {
            return Functions.toSympy(Functions.fromSympy(c.function()).orElse(c.function())) + "("
                    + c.args().stream().map(SympyPrinter::text).collect(Collectors.joining(", ")) + ")";
        }
        Piecewise p = (Piecewise) e;
        return "Piecewise(" + p.cases().stream()
                .map(c -> "(" + text(c.value()) + ", " + text(c.condition()) + ")")
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String binary(Binary b) {
        BinaryOp op = b.op();
        return switch (op) {
            case OR -> logicalOperand(b.left(), OR) + " | " + logicalOperand(b.right(), AND);
            case AND -> logicalOperand(b.left(), AND) + " & " + logicalOperand(b.right(), NOT);
            case EQ, NE -> (op == BinaryOp.EQ ? "Eq(" : "Ne(") + text(b.left()) + ", " + text(b.right()) + ")";
            case LT, LE, GT, GE -> operand(b.left(), ADDITIVE, false) + " " + relationSymbol(op) + " "
                    + operand(b.right(), ADDITIVE, false);
            case ADD, SUB -> operand(b.left(), ADDITIVE, false) + (op == BinaryOp.ADD ? " + " : " - ")
                    + operand(b.right(), MULTIPLICATIVE, true);
            case MUL, DIV -> operand(b.left(), MULTIPLICATIVE, false) + (op == BinaryOp.MUL ? "*" : "/")
                    + operand(b.right(), POWER, true);
            case POW -> operand(b.left(), ATOM, true) + "**" + operand(b.right(), POWER, true);
        };
    }

    /** Operands of {@code &}, {@code |}: as {@link #operand}, but comparisons always bracketed (Python's & binds tighter). */
    private static String logicalOperand(Expr e, int required) {
        if (e instanceof Binary b && b.op().isRelational() && level(e) == RELATION) {
            return "(" + text(e) + ")";
        }
        return operand(e, required, false);
    }

    /**
     * The text of {@code e} as an operand that must bind at least as tightly as {@code required}.
     * {@code bracketNegation}: bracket a leading minus for readability ({@code a*(-b)}, {@code (-a)**b}).
     */
    private static String operand(Expr e, int required, boolean bracketNegation) {
        int level = level(e);
        boolean negation = e instanceof Unary u && u.op() == UnaryOp.NEG;
        if (level < required || (negation && bracketNegation)) {
            return "(" + text(e) + ")";
        }
        return text(e);
    }

    private static int level(Expr e) {
        if (e instanceof Num n) {
            return n.value() < 0 || Double.doubleToRawLongBits(n.value()) == Double.doubleToRawLongBits(-0.0)
                    || n.value() == Double.NEGATIVE_INFINITY ? UNARY : ATOM;
        }
        if (e instanceof Unary u) {
            return u.op() == UnaryOp.NEG ? UNARY : NOT;
        }
        if (e instanceof Binary b) {
            return switch (b.op()) {
                case OR -> OR;
                case AND -> AND;
                case EQ, NE -> ATOM;
                case LT, LE, GT, GE -> RELATION;
                case ADD, SUB -> ADDITIVE;
                case MUL, DIV -> MULTIPLICATIVE;
                case POW -> POWER;
            };
        }
        return ATOM;
    }

    private static String relationSymbol(BinaryOp op) {
        return switch (op) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            default -> throw new AssertionError(op);
        };
    }

    /** Integral values print without a fraction ({@code 2}, not {@code 2.0}); others with {@link Double#toString}. */
    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "oo" : "-oo";
        }
        if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) {
            return "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
