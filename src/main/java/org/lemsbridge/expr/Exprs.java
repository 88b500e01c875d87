package org.lemsbridge.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

/** Static helpers over {@link Expr} trees. */
public final class Exprs {

    /** Names the SymPy side reads as mathematical constants ({@code pi}, {@code E}); see {@link LemsPrinter}. */
    public static final Set<String> MATH_CONSTANTS = Set.of("pi", "E");

    private Exprs() {
    }

    /** The direct sub-expressions of a node, in left-to-right order (Piecewise: value, condition, value, ...). */
    public static List<Expr> children(Expr e) {
        if (e instanceof Unary u) {
            return List.of(u.operand());
        }
        if (e instanceof Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Call c) {
            return c.args();
        }
        if (e instanceof Piecewise p) {
            List<Expr> out = new ArrayList<>(2 * p.cases().size());
            for (Case c : p.cases()) {
                out.add(c.value());
                out.add(c.condition());
            }
            return out;
        }
        return List.of();
    }

    /**
     * Every variable name, in order of first appearance (left to right, depth first). Function names are not
     * symbols. {@code pi} and {@code E} are included: whether they are constants depends on the model (a model
     * may have a state variable {@code E}); filter with {@link #MATH_CONSTANTS} where appropriate.
     */
    public static Set<String> freeSymbols(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr x = stack.pop();
            if (x instanceof Var v) {
                out.add(v.name());
            }
            List<Expr> kids = children(x);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Replaces every {@code Var} named in {@code replacements} (simultaneously; replacements are not re-scanned). */
    public static Expr substitute(Expr e, Map<String, Expr> replacements) {
        if (e instanceof Var v) {
            return replacements.getOrDefault(v.name(), v);
        }
        if (e instanceof Unary u) {
            return new Unary(u.op(), substitute(u.operand(), replacements));
        }
        if (e instanceof Binary b) {
            return new Binary(b.op(), substitute(b.left(), replacements), substitute(b.right(), replacements));
        }
        if (e instanceof Call c) {
            return new Call(c.function(), c.args().stream().map(a -> substitute(a, replacements)).toList());
        }
        if (e instanceof Piecewise p) {
            return new Piecewise(p.cases().stream()
                    .map(c -> new Case(substitute(c.value(), replacements), substitute(c.condition(), replacements)))
                    .toList());
        }
        return e;
    }

    /** Whether a Piecewise occurs anywhere in the tree. */
    public static boolean containsPiecewise(Expr e) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr x = stack.pop();
            if (x instanceof Piecewise) {
                return true;
            }
            children(x).forEach(stack::push);
        }
        return false;
    }

    /** Depth of the tree: a leaf has depth 1. Iterative, so safe on any tree. */
    public static int depth(Expr e) {
        record Frame(Expr node, int depth) {
        }
        int max = 0;
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(e, 1));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            max = Math.max(max, f.depth());
            for (Expr kid : children(f.node())) {
                stack.push(new Frame(kid, f.depth() + 1));
            }
        }
        return max;
    }

    /**
     * Whether the expression is a truth value: a Bool, a relation, and/or/not, or a Piecewise whose values are all
     * truth values.
     */
    public static boolean isBoolean(Expr e) {
        if (e instanceof Bool) {
            return true;
        }
        if (e instanceof Binary b) {
            return !b.op().isArithmetic();
        }
        if (e instanceof Unary u) {
            return u.op() == UnaryOp.NOT;
        }
        if (e instanceof Piecewise p) {
            return p.cases().stream().allMatch(c -> isBoolean(c.value()));
        }
        return false;
    }

    /**
     * Constant folding and exact-identity simplification, for display and structural comparison only.
     * <p>
     * Sub-trees without variables (and without {@code random}) become literals; {@code x*1}, {@code 1*x},
     * {@code x/1}, {@code x^1}, {@code x+0}, {@code 0+x}, {@code x-0}, {@code --x} become {@code x}; Piecewise
     * cases with a constant condition are pruned; {@code !true}, {@code true & c} and the like are reduced.
     * <b>This changes jLEMS results</b>: folding removes the per-evaluation rounding order jLEMS keeps
     * (it never folds operations), {@code x+0} turns {@code -0.0} into itself where jLEMS gives {@code 0.0},
     * and pruning skips evaluations. The simulator must evaluate trees exactly as parsed and never use this.
     */
    public static Expr fold(Expr e) {
        if (e instanceof Unary u) {
            return foldUnary(u.op(), fold(u.operand()));
        }
        if (e instanceof Binary b) {
            return foldBinary(b.op(), fold(b.left()), fold(b.right()));
        }
        if (e instanceof Call c) {
            return foldCall(new Call(c.function(), c.args().stream().map(Exprs::fold).toList()));
        }
        if (e instanceof Piecewise p) {
            return foldPiecewise(p);
        }
        return e;
    }

    private static Expr foldUnary(UnaryOp op, Expr operand) {
        if (op == UnaryOp.NEG) {
            if (operand instanceof Num n) {
                return new Num(-n.value());
            }
            if (operand instanceof Unary inner && inner.op() == UnaryOp.NEG) {
                return inner.operand();
            }
        } else {
            if (operand instanceof Bool b) {
                return new Bool(!b.value());
            }
            if (operand instanceof Unary inner && inner.op() == UnaryOp.NOT) {
                return inner.operand();
            }
        }
        return new Unary(op, operand);
    }

    private static Expr foldBinary(BinaryOp op, Expr left, Expr right) {
        Binary node = new Binary(op, left, right);
        if (isConstant(left) && isConstant(right)) {
            return constant(node);
        }
        switch (op) {
            case ADD -> {
                if (isNumber(right, 0.0)) {
                    return left;
                }
                if (isNumber(left, 0.0)) {
                    return right;
                }
            }
            case SUB -> {
                if (isNumber(right, 0.0)) {
                    return left;
                }
            }
            case MUL -> {
                if (isNumber(right, 1.0)) {
                    return left;
                }
                if (isNumber(left, 1.0)) {
                    return right;
                }
            }
            case DIV, POW -> {
                if (isNumber(right, 1.0)) {
                    return left;
                }
            }
            case AND -> {
                if (left instanceof Bool b) {
                    return b.value() ? right : b;
                }
                if (right instanceof Bool b && b.value()) {
                    return left;
                }
            }
            case OR -> {
                if (left instanceof Bool b) {
                    return b.value() ? b : right;
                }
                if (right instanceof Bool b && !b.value()) {
                    return left;
                }
            }
            default -> {
            }
        }
        return node;
    }

    private static Expr foldCall(Call call) {
        if (!call.function().equals(Functions.RANDOM) && call.args().stream().allMatch(Exprs::isConstant)) {
            return constant(call);
        }
        return call;
    }

    private static Expr foldPiecewise(Piecewise p) {
        List<Case> kept = new ArrayList<>();
        for (Case c : p.cases()) {
            Expr condition = fold(c.condition());
            Expr value = fold(c.value());
            if (condition instanceof Bool b) {
                if (!b.value()) {
                    continue;
                }
                if (kept.isEmpty()) {
                    return value;
                }
                kept.add(new Case(value, condition));
                break;
            }
            kept.add(new Case(value, condition));
        }
        return kept.isEmpty() ? new Num(0.0) : new Piecewise(kept);
    }

    private static boolean isConstant(Expr e) {
        return e instanceof Num || e instanceof Bool;
    }

    private static boolean isNumber(Expr e, double value) {
        return e instanceof Num n && n.value() == value;
    }

    private static Expr constant(Expr e) {
        double v = Evaluator.evaluate(e, name -> {
            throw new IllegalStateException("constant expression has a variable: " + name);
        });
        return isBoolean(e) ? new Bool(v != 0.0) : new Num(v);
    }
}
