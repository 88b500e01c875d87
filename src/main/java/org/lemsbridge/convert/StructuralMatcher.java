package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lemsbridge.expr.Expr;

/**
 * Matches an expression tree against a pattern tree whose slot names stand for any model symbol (or number), up to
 * the order of terms in sums and factors in products, the two sides of a comparison and the operands of
 * {@code &}/{@code |}. A slot bound once must stand for the same sub-tree everywhere. Numbers must be equal.
 */
final class StructuralMatcher {

    private final Set<String> slots;

    /** {@code slots}: the pattern's placeholder names; any other name in the pattern must appear as itself. */
    StructuralMatcher(Set<String> slots) {
        this.slots = Set.copyOf(slots);
    }

    /** The bindings under which {@code e} matches {@code pattern}, extending {@code given}. */
    Optional<Map<String, Expr>> match(Expr pattern, Expr e, Map<String, Expr> given) {
        List<Map<String, Expr>> results = new ArrayList<>();
        matchAll(pattern, e, new HashMap<>(given), results);
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    private void matchAll(Expr p, Expr e, Map<String, Expr> bind, List<Map<String, Expr>> out) {
        if (p instanceof Expr.Var v && slots.contains(v.name())) {
            Expr bound = bind.get(v.name());
            if (bound == null && (e instanceof Expr.Var || e instanceof Expr.Num) && !e.equals(new Expr.Var("t"))) {
                Map<String, Expr> next = new HashMap<>(bind);
                next.put(v.name(), e);
                out.add(next);
            } else if (bound != null && bound.equals(e)) {
                out.add(bind);
            }
            return;
        }
        if (p instanceof Expr.Num pn) {
            if (e instanceof Expr.Num en && pn.value() == en.value()) {
                out.add(bind);
            }
            return;
        }
        if (p instanceof Expr.Var || p instanceof Expr.Bool) {
            if (p.equals(e)) {
                out.add(bind);
            }
            return;
        }
        if (isSum(p)) {
            if (isSum(e)) {
                matchBag(terms(p, true), terms(e, true), 0, new boolean[terms(e, true).size()], bind, out);
            }
            return;
        }
        if (p instanceof Expr.Binary pb && pb.op() == Expr.BinaryOp.MUL) {
            if (e instanceof Expr.Binary eb && eb.op() == Expr.BinaryOp.MUL) {
                List<Term> pf = factors(p);
                List<Term> ef = factors(e);
                matchBag(pf, ef, 0, new boolean[ef.size()], bind, out);
            }
            return;
        }
        if (p instanceof Expr.Unary pu) {
            if (e instanceof Expr.Unary eu && eu.op() == pu.op()) {
                matchAll(pu.operand(), eu.operand(), bind, out);
            }
            return;
        }
        if (p instanceof Expr.Binary pb && e instanceof Expr.Binary eb) {
            if (eb.op() == pb.op()) {
                List<Map<String, Expr>> lefts = new ArrayList<>();
                matchAll(pb.left(), eb.left(), bind, lefts);
                for (Map<String, Expr> b : lefts) {
                    matchAll(pb.right(), eb.right(), b, out);
                }
            }
            Expr.BinaryOp swapped = swapped(pb.op());
            if (swapped != null && eb.op() == swapped) {
                List<Map<String, Expr>> lefts = new ArrayList<>();
                matchAll(pb.left(), eb.right(), bind, lefts);
                for (Map<String, Expr> b : lefts) {
                    matchAll(pb.right(), eb.left(), b, out);
                }
            }
            return;
        }
        if (p instanceof Expr.Call pc && e instanceof Expr.Call ec && pc.function().equals(ec.function())
                && pc.args().size() == ec.args().size()) {
            sequence(pc.args(), ec.args(), 0, bind, out);
            return;
        }
        if (p instanceof Expr.Piecewise pp && e instanceof Expr.Piecewise ep && pp.cases().size() == ep.cases().size()) {
            List<Expr> ps = new ArrayList<>();
            List<Expr> es = new ArrayList<>();
            for (int i = 0; i < pp.cases().size(); i++) {
                ps.add(pp.cases().get(i).value());
                ps.add(pp.cases().get(i).condition());
                es.add(ep.cases().get(i).value());
                es.add(ep.cases().get(i).condition());
            }
            sequence(ps, es, 0, bind, out);
        }
    }

    private void sequence(List<Expr> ps, List<Expr> es, int i, Map<String, Expr> bind, List<Map<String, Expr>> out) {
        if (i == ps.size()) {
            out.add(bind);
            return;
        }
        List<Map<String, Expr>> partial = new ArrayList<>();
        matchAll(ps.get(i), es.get(i), bind, partial);
        for (Map<String, Expr> b : partial) {
            sequence(ps, es, i + 1, b, out);
        }
    }

    private record Term(boolean positive, Expr expr) {
    }

    private void matchBag(List<Term> ps, List<Term> es, int i, boolean[] used, Map<String, Expr> bind,
            List<Map<String, Expr>> out) {
        if (ps.size() != es.size()) {
            return;
        }
        if (i == ps.size()) {
            out.add(bind);
            return;
        }
        for (int j = 0; j < es.size(); j++) {
            if (used[j] || es.get(j).positive() != ps.get(i).positive()) {
                continue;
            }
            List<Map<String, Expr>> partial = new ArrayList<>();
            matchAll(ps.get(i).expr(), es.get(j).expr(), bind, partial);
            for (Map<String, Expr> b : partial) {
                used[j] = true;
                matchBag(ps, es, i + 1, used, b, out);
                used[j] = false;
                if (!out.isEmpty()) {
                    return;
                }
            }
        }
    }

    private static boolean isSum(Expr e) {
        return e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.ADD || b.op() == Expr.BinaryOp.SUB);
    }

    private static List<Term> terms(Expr e, boolean positive) {
        List<Term> out = new ArrayList<>();
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.ADD) {
            out.addAll(terms(b.left(), positive));
            out.addAll(terms(b.right(), positive));
        } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.SUB) {
            out.addAll(terms(b.left(), positive));
            out.addAll(terms(b.right(), !positive));
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEG) {
            out.addAll(terms(u.operand(), !positive));
        } else {
            out.add(new Term(positive, e));
        }
        return out;
    }

    private static List<Term> factors(Expr e) {
        List<Term> out = new ArrayList<>();
        if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.MUL) {
            out.addAll(factors(b.left()));
            out.addAll(factors(b.right()));
        } else {
            out.add(new Term(true, e));
        }
        return out;
    }

    private static Expr.BinaryOp swapped(Expr.BinaryOp op) {
        return switch (op) {
            case LT -> Expr.BinaryOp.GT;
            case GT -> Expr.BinaryOp.LT;
            case LE -> Expr.BinaryOp.GE;
            case GE -> Expr.BinaryOp.LE;
            case EQ, NE, AND, OR -> op;
            default -> null;
        };
    }
}
