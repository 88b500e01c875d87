package org.lemsbridge.expr;

import java.util.List;
import java.util.Set;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Case;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.UnaryOp;
import org.lemsbridge.expr.Expr.Var;

/**
 * Prints trees as LEMS text that jLEMS parses back into exactly the same tree (for trees in LEMS-canonical form:
 * numbers, names, {@code + - * / ^}, one-argument jLEMS functions, relations and {@code .and.}/{@code .or.} of
 * relations, no negative literals). Every compound operand gets brackets, so jLEMS's unusual precedence never
 * regroups anything.
 * <p>
 * What jLEMS lacks is rewritten into arithmetic that gives the same double:
 * {@code pi}, {@code E} become their double literals (unless listed as user symbols); {@code -x} becomes
 * {@code 0 - x} (so {@code -(0.0)} prints as {@code +0.0}); {@code floor(x)} becomes {@code 0 - ceil(0 - x)};
 * {@code sign(x)} becomes {@code H(x) - H(0 - x)}; {@code min}/{@code max} and a condition or {@code Piecewise} used
 * as a number become 0/1 encodings built on {@code ceil(H(d))}, which is exactly 1 for {@code d >= 0} and 0 below
 * (jLEMS's {@code H(0)} is 0.5): {@code x >= y} is {@code ceil(H(x - y))}, {@code x > y} is
 * {@code 1 - ceil(H(y - x))}, {@code x == y} is {@code ceil(H(x - y)) * ceil(H(y - x))}, {@code a & b} is
 * {@code a * b}, {@code a | b} is {@code 1 - (1 - a) * (1 - b)}, and
 * {@code Piecewise((v1, c1), (v2, c2), (d, True))} is {@code b1*v1 + (1 - b1)*(b2*v2 + (1 - b2)*d)}.
 * These encodings are exact for finite values but misbehave when an operand or any branch value is infinite or NaN
 * ({@code 0 * inf} is NaN, and a NaN comparison gives NaN instead of false), which is why the converter lifts a
 * top-level Piecewise into a ConditionalDerivedVariable instead of printing it here.
 */
public final class LemsPrinter {

    /** Printed text and whether it can stand as an operand without brackets. */
    private record Text(String text, boolean atomic) {
        String wrapped() {
            return atomic ? text : "(" + text + ")";
        }
    }

    /** Printed condition, or a constant truth value when the condition simplified to one. */
    private record Condition(String text, Boolean constant) {
    }

    private static final Text ZERO = new Text("0", true);
    private static final Text ONE = new Text("1", true);

    private final Set<String> userSymbols;

    private LemsPrinter(Set<String> userSymbols) {
        this.userSymbols = Set.copyOf(userSymbols);
    }

    /**
     * LEMS text for {@code e}: a condition for a truth-valued tree (as {@link #printCondition}), arithmetic otherwise.
     * {@code pi} and {@code E} are printed as numbers.
     */
    public static String print(Expr e) {
        return print(e, Set.of());
    }

    /** As {@link #print(Expr)}, but names in {@code userSymbols} (say a state variable {@code E}) stay names. */
    public static String print(Expr e, Set<String> userSymbols) {
        LemsPrinter p = new LemsPrinter(userSymbols);
        if (e instanceof Num n) {
            return Double.toString(n.value());
        }
        return Exprs.isBoolean(e) ? p.conditionText(e) : p.arith(e).text();
    }

    /** Arithmetic LEMS text for {@code e}; a truth-valued tree is printed as its 0/1 encoding. */
    public static String printNumeric(Expr e) {
        return printNumeric(e, Set.of());
    }

    /** As {@link #printNumeric(Expr)} with user symbols (see {@link #print(Expr, Set)}). */
    public static String printNumeric(Expr e, Set<String> userSymbols) {
        LemsPrinter p = new LemsPrinter(userSymbols);
        if (e instanceof Num n) {
            return Double.toString(n.value());
        }
        return Exprs.isBoolean(e) ? p.bit(e).text() : p.arith(e).text();
    }

    /**
     * LEMS condition text (OnCondition tests, Case conditions): relations as {@code .gt. .geq. .lt. .leq. .eq. .neq.},
     * {@code .and.}/{@code .or.} with brackets around every operand, {@code not} pushed into the relations (inverse
     * relation, De Morgan; note {@code not (x < y)} becomes {@code x .geq. y}, which differs when x or y is NaN),
     * {@code True}/{@code False} simplified away ({@code 0 .eq. 0} / {@code 0 .neq. 0} when the whole condition is
     * constant). A numeric expression used as a condition means "is not zero".
     */
    public static String printCondition(Expr c) {
        return printCondition(c, Set.of());
    }

    /** As {@link #printCondition(Expr)} with user symbols (see {@link #print(Expr, Set)}). */
    public static String printCondition(Expr c, Set<String> userSymbols) {
        return new LemsPrinter(userSymbols).conditionText(c);
    }

    private String conditionText(Expr c) {
        Condition cond = condition(c, false);
        if (cond.constant() != null) {
            return cond.constant() ? "0 .eq. 0" : "0 .neq. 0";
        }
        return cond.text();
    }

    private Condition condition(Expr e, boolean negated) {
        if (e instanceof Bool b) {
            return new Condition(null, b.value() != negated);
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NOT) {
            return condition(u.operand(), !negated);
        }
        if (e instanceof Binary b && b.op().isRelational()) {
            BinaryOp op = negated ? inverse(b.op()) : b.op();
            return new Condition(arith(b.left()).wrapped() + " " + dotted(op) + " " + arith(b.right()).wrapped(), null);
        }
        if (e instanceof Binary b && b.op().isLogical()) {
            boolean and = (b.op() == BinaryOp.AND) != negated;
            Condition left = condition(b.left(), negated);
            Condition right = condition(b.right(), negated);
            for (Condition side : List.of(left, right)) {
                if (side.constant() != null && side.constant() != and) {
                    return side; // false .and. x, true .or. x
                }
            }
            if (left.constant() != null) {
                return right;
            }
            if (right.constant() != null) {
                return left;
            }
            return new Condition("(" + left.text() + ") " + (and ? ".and." : ".or.") + " (" + right.text() + ")", null);
        }
        Text value = Exprs.isBoolean(e) ? bit(e) : arith(e);
        return new Condition(value.wrapped() + (negated ? " .eq. 0" : " .neq. 0"), null);
    }

    private Text arith(Expr e) {
        if (e instanceof Num n) {
            return number(n.value());
        }
        if (e instanceof Var v) {
            return variable(v.name());
        }
        if (e instanceof Bool || (e instanceof Binary b0 && !b0.op().isArithmetic())) {
            return bit(e);
        }
        if (e instanceof Unary u) {
            return u.op() == UnaryOp.NEG ? minus(ZERO, arith(u.operand())) : bit(e);
        }
        if (e instanceof Binary b) {
            return binary(arith(b.left()), symbol(b.op()), arith(b.right()));
        }
        if (e instanceof Call c) {
            return call(c);
        }
        return piecewise((Piecewise) e);
    }

    /** The 0/1 value of a truth-valued tree (a numeric tree counts as true when not zero). */
    private Text bit(Expr e) {
        if (e instanceof Bool b) {
            return b.value() ? ONE : ZERO;
        }
        if (e instanceof Unary u && u.op() == UnaryOp.NOT) {
            return minus(ONE, bit(u.operand()));
        }
        if (e instanceof Binary b && b.op().isRelational()) {
            Text x = arith(b.left());
            Text y = arith(b.right());
            return switch (b.op()) {
                case GE -> atLeastZero(minus(x, y));
                case LE -> atLeastZero(minus(y, x));
                case GT -> minus(ONE, atLeastZero(minus(y, x)));
                case LT -> minus(ONE, atLeastZero(minus(x, y)));
                case EQ -> equal(x, y);
                case NE -> minus(ONE, equal(x, y));
                default -> throw new AssertionError(b.op());
            };
        }
        if (e instanceof Binary b && b.op() == BinaryOp.AND) {
            return binary(bit(b.left()), "*", bit(b.right()));
        }
        if (e instanceof Binary b && b.op() == BinaryOp.OR) {
            return minus(ONE, binary(minus(ONE, bit(b.left())), "*", minus(ONE, bit(b.right()))));
        }
        if (e instanceof Piecewise p && Exprs.isBoolean(p)) {
            return piecewise(p);
        }
        return minus(ONE, equal(arith(e), ZERO));
    }

    private Text equal(Text x, Text y) {
        return binary(atLeastZero(minus(x, y)), "*", atLeastZero(minus(y, x)));
    }

    /** 1 when the difference is >= 0, else 0: jLEMS's H is 0.5 at 0, and ceil lifts that to 1. */
    private static Text atLeastZero(Text difference) {
        return new Text("ceil(H(" + difference.text() + "))", true);
    }

    private Text piecewise(Piecewise p) {
        List<Case> cases = p.cases();
        Text rest = new Text("0.0", true);
        for (int i = cases.size() - 1; i >= 0; i--) {
            Case c = cases.get(i);
            if (c.condition() instanceof Bool b) {
                if (b.value()) {
                    rest = arith(c.value());
                }
                continue;
            }
            Text chosen = bit(c.condition());
            rest = binary(binary(chosen, "*", arith(c.value())), "+", binary(minus(ONE, chosen), "*", rest));
        }
        return rest;
    }

    private Text call(Call c) {
        String f = Functions.fromSympy(c.function()).orElse(c.function()); // tolerate Heaviside, Abs, ceiling, ...
        List<Expr> args = c.args();
        if (!Functions.isCanonical(f) || !Functions.acceptsArity(f, args.size())) {
            throw new IllegalArgumentException("no LEMS equivalent for function " + f + " with " + args.size()
                    + " argument(s)");
        }
        if (Functions.isLemsFunction(f)) {
            return new Text(f + "(" + arith(args.get(0)).text() + ")", true);
        }
        switch (f) {
            case Functions.FLOOR -> {
                return minus(ZERO, new Text("ceil(" + minus(ZERO, arith(args.get(0))).text() + ")", true));
            }
            case Functions.SIGN -> {
                Text x = arith(args.get(0));
                return minus(new Text("H(" + x.text() + ")", true), new Text("H(" + minus(ZERO, x).text() + ")", true));
            }
            case Functions.MIN, Functions.MAX -> {
                Text acc = arith(args.get(0));
                for (int i = 1; i < args.size(); i++) {
                    Text next = arith(args.get(i));
                    // keep acc when acc <= next (min) or acc >= next (max)
                    Text keep = f.equals(Functions.MIN) ? atLeastZero(minus(next, acc)) : atLeastZero(minus(acc, next));
                    acc = binary(binary(keep, "*", acc), "+", binary(minus(ONE, keep), "*", next));
                }
                return acc;
            }
            default -> throw new IllegalArgumentException("no LEMS equivalent for function " + f);
        }
    }

    private static Text minus(Text x, Text y) {
        return binary(x, "-", y);
    }

    private static Text binary(Text x, String op, Text y) {
        return new Text(x.wrapped() + " " + op + " " + y.wrapped(), false);
    }

    private static Text number(double v) {
        if (Double.isNaN(v)) {
            return new Text("0.0 / 0.0", false);
        }
        if (Double.isInfinite(v)) {
            Text inf = new Text("1.0 / 0.0", false);
            return v > 0 ? inf : minus(ZERO, inf);
        }
        if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(-0.0)) {
            return new Text("(0 - 1.0) * 0.0", false);
        }
        if (v < 0) {
            return minus(ZERO, new Text(Double.toString(-v), true));
        }
        return new Text(Double.toString(v), true);
    }

    private Text variable(String name) {
        if (!userSymbols.contains(name)) {
            if (name.equals("pi")) {
                return number(Math.PI);
            }
            if (name.equals("E")) {
                return number(Math.E);
            }
        }
        if (!LemsParser.isName(name) || Functions.isLemsFunction(name)
                || Functions.LEMS_UNIMPLEMENTED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be written as a LEMS variable name");
        }
        return new Text(name, true);
    }

    private static String symbol(BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case POW -> "^";
            default -> throw new AssertionError(op);
        };
    }

    private static String dotted(BinaryOp op) {
        return switch (op) {
            case LT -> ".lt.";
            case LE -> ".leq.";
            case GT -> ".gt.";
            case GE -> ".geq.";
            case EQ -> ".eq.";
            case NE -> ".neq.";
            default -> throw new AssertionError(op);
        };
    }

    private static BinaryOp inverse(BinaryOp op) {
        return switch (op) {
            case LT -> BinaryOp.GE;
            case LE -> BinaryOp.GT;
            case GT -> BinaryOp.LE;
            case GE -> BinaryOp.LT;
            case EQ -> BinaryOp.NE;
            case NE -> BinaryOp.EQ;
            default -> throw new AssertionError(op);
        };
    }
}
