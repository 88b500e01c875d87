package org.lemsbridge.expr;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.Bool;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Case;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.Var;

/**
 * Evaluates a tree with jLEMS semantics: IEEE doubles and {@code java.lang.Math}; truth values are 1.0 and 0.0 and
 * any non-zero number (including NaN) counts as true; {@code .and.}/{@code .or.} short-circuit; a Piecewise gives the
 * first case whose condition holds, or 0.0. A tree-walking reference evaluator, not the simulator's fast path.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /** Evaluates {@code e}; every {@code Var} (also {@code pi}, {@code E}) is looked up in {@code variables}. */
    public static double evaluate(Expr e, ToDoubleFunction<String> variables) {
        if (e instanceof Num n) {
            return n.value();
        }
        if (e instanceof Var v) {
            return variables.applyAsDouble(v.name());
        }
        if (e instanceof Bool b) {
            return truth(b.value());
        }
        if (e instanceof Unary u) {
            double x = evaluate(u.operand(), variables);
            return u.op() == Expr.UnaryOp.NEG ? -x : truth(!isTrue(x));
        }
        if (e instanceof Binary b) {
            return binary(b, variables);
        }
        if (e instanceof Call c) {
            return call(c, variables);
        }
        return piecewise((Piecewise) e, variables);
    }

    /** Wraps a lookup so that {@code pi} and {@code E} give {@link Math#PI} and {@link Math#E}. */
    public static ToDoubleFunction<String> withMathConstants(ToDoubleFunction<String> variables) {
        return name -> switch (name) {
            case "pi" -> Math.PI;
            case "E" -> Math.E;
            default -> variables.applyAsDouble(name);
        };
    }

    /** jLEMS's {@code log} and {@code ln}, both natural: NaN for zero or negative arguments (not -Infinity). */
    public static double log(double x) {
        return x <= 0 ? Double.NaN : Math.log(x);
    }

    /**
     * The one-argument function jLEMS evaluates for {@code name} (case-insensitive, jLEMS or SymPy spelling), with
     * jLEMS's edge cases; null for names jLEMS lacks and for {@code random}, which needs the simulator's generator.
     */
    public static DoubleUnaryOperator lemsFunction(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "exp" -> Math::exp;
            case "sqrt" -> Math::sqrt;
            case "ceil" -> Math::ceil;
            case "abs" -> Math::abs;
            case "log", "ln" -> Evaluator::log;
            case "h", "heaviside" -> Evaluator::heaviside;
            case "factorial" -> Evaluator::factorial;
            default -> null;
        };
    }

    /** jLEMS's Heaviside step: 0 below zero, 0.5 at zero, 1 above, NaN for NaN. */
    public static double heaviside(double x) {
        return 0.5 * (Math.signum(x) + 1);
    }

    /** jLEMS's factorial: NaN for negative or non-integer arguments, otherwise a 32-bit int product (wraps above 12). */
    public static double factorial(double x) {
        if (x != (int) x || x < 0) {
            return Double.NaN;
        }
        int n = (int) x;
        int product = 1;
        // Once the wrapped product reaches 0 (from 34 on) it stays 0, so the loop can stop there.
        for (int i = 1; i <= n && product != 0; i++) {
            product *= i;
        }
        return product;
    }

    private static double binary(Binary b, ToDoubleFunction<String> variables) {
        switch (b.op()) {
            case AND -> {
                return truth(isTrue(evaluate(b.left(), variables)) && isTrue(evaluate(b.right(), variables)));
            }
            case OR -> {
                return truth(isTrue(evaluate(b.left(), variables)) || isTrue(evaluate(b.right(), variables)));
            }
            default -> {
            }
        }
        double x = evaluate(b.left(), variables);
        double y = evaluate(b.right(), variables);
        return switch (b.op()) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case LT -> truth(x < y);
            case LE -> truth(x <= y);
            case GT -> truth(x > y);
            case GE -> truth(x >= y);
            case EQ -> truth(x == y);
            case NE -> truth(x != y);
            case AND, OR -> throw new AssertionError("handled above");
        };
    }

    private static double call(Call c, ToDoubleFunction<String> variables) {
        List<Expr> args = c.args();
        String f = Functions.fromSympy(c.function()).orElse(c.function()); // tolerate Heaviside, Abs, ceiling, ...
        if (!Functions.isCanonical(f) || !Functions.acceptsArity(f, args.size())) {
            throw new IllegalArgumentException("cannot evaluate " + c.function() + " with " + args.size() + " argument(s)");
        }
        if (f.equals(Functions.MIN) || f.equals(Functions.MAX)) {
            double acc = evaluate(args.get(0), variables);
            for (int i = 1; i < args.size(); i++) {
                double next = evaluate(args.get(i), variables);
                acc = f.equals(Functions.MIN) ? Math.min(acc, next) : Math.max(acc, next);
            }
            return acc;
        }
        double x = evaluate(args.get(0), variables);
        return switch (f) {
            case Functions.EXP -> Math.exp(x);
            case Functions.LOG, Functions.LN -> log(x);
            case Functions.SQRT -> x < 0 ? Double.NaN : Math.sqrt(x);
            case Functions.SIN -> Math.sin(x);
            case Functions.COS -> Math.cos(x);
            case Functions.TAN -> Math.tan(x);
            case Functions.SINH -> Math.sinh(x);
            case Functions.COSH -> Math.cosh(x);
            case Functions.TANH -> Math.tanh(x);
            case Functions.ABS -> Math.abs(x);
            case Functions.HEAVISIDE -> heaviside(x);
            case Functions.CEIL -> Math.ceil(x);
            case Functions.FLOOR -> Math.floor(x);
            case Functions.SIGN -> Math.signum(x);
            case Functions.FACTORIAL -> factorial(x);
            case Functions.RANDOM -> throw new UnsupportedOperationException(
                    "random() needs the simulator's random generator");
            default -> throw new IllegalArgumentException("cannot evaluate " + c.function());
        };
    }

    private static double piecewise(Piecewise p, ToDoubleFunction<String> variables) {
        for (Case c : p.cases()) {
            if (isTrue(evaluate(c.condition(), variables))) {
                return evaluate(c.value(), variables);
            }
        }
        return 0.0;
    }

    private static boolean isTrue(double v) {
        return v != 0.0;
    }

    private static double truth(boolean b) {
        return b ? 1.0 : 0.0;
    }
}
