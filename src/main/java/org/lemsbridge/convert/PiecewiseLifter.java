package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.lemsbridge.expr.Expr;

/**
 * Moves every {@code Piecewise} that sits inside a larger expression into its own auxiliary derived item (which
 * becomes a ConditionalDerivedVariable), so LEMS evaluates it exactly instead of through a Heaviside sum.
 * A {@code Piecewise} at the very top of a derived variable stays: it is that variable's cases.
 */
final class PiecewiseLifter {
    private final Predicate<String> nameTaken;
    private final List<DerivedItem> lifted = new ArrayList<>();
    private final Set<String> given = new java.util.HashSet<>();

    /** {@code nameTaken} tells which names are already in use in the model. */
    PiecewiseLifter(Predicate<String> nameTaken) {
        this.nameTaken = nameTaken;
    }

    /** Lifts the nested pieces of a derived item's expression (a top-level Piecewise stays). */
    Expr liftBelowTop(Expr e, String owner, RhsText source) {
        if (e instanceof Expr.Piecewise p) {
            List<Expr.Case> cases = new ArrayList<>();
            for (Expr.Case c : p.cases()) {
                cases.add(new Expr.Case(lift(c.value(), owner, source), lift(c.condition(), owner, source)));
            }
            return new Expr.Piecewise(cases);
        }
        return lift(e, owner, source);
    }

    /** Lifts every Piecewise in {@code e}, including one at its top. */
    Expr lift(Expr e, String owner, RhsText source) {
        if (e instanceof Expr.Piecewise) {
            Expr cases = liftBelowTop(e, owner, source);
            String name = freshName(owner);
            lifted.add(new DerivedItem(name, cases, null, source));
            return new Expr.Var(name);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), lift(u.operand(), owner, source));
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), lift(b.left(), owner, source), lift(b.right(), owner, source));
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(lift(a, owner, source));
            }
            return new Expr.Call(c.function(), args);
        }
        return e;
    }

    /** The auxiliary items created so far, each after the items it uses. */
    List<DerivedItem> lifted() {
        return List.copyOf(lifted);
    }

    private String freshName(String owner) {
        for (int n = 1; ; n++) {
            String candidate = owner + "_pw" + n;
            if (!nameTaken.test(candidate) && given.add(candidate)) {
                return candidate;
            }
        }
    }
}
