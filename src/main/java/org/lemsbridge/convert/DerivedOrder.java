package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;

/**
 * Orders derived items so that jLEMS computes each from current values. jLEMS evaluates, once at the start of a
 * step, all plain DerivedVariables in document order and then all ConditionalDerivedVariables in document order
 * (jLEMS#68/#88). So: items are sorted so each comes after what it uses; an item that is a Piecewise, or that uses
 * (transitively) one, must be conditional, and is therefore evaluated after every plain one.
 */
final class DerivedOrder {

    /** The two groups, each in evaluation order. */
    record Ordered(List<DerivedItem> plain, List<DerivedItem> conditional) {
        Ordered {
            plain = List.copyOf(plain);
            conditional = List.copyOf(conditional);
        }
    }

    private DerivedOrder() {
    }

    static Ordered order(List<DerivedItem> items) {
        Map<String, DerivedItem> byName = new LinkedHashMap<>();
        for (DerivedItem item : items) {
            byName.put(item.name(), item);
        }
        List<DerivedItem> sorted = new ArrayList<>();
        Map<String, Boolean> done = new HashMap<>();
        for (DerivedItem item : items) {
            visit(item, byName, done, new ArrayList<>(), sorted);
        }
        Map<String, Boolean> conditional = new HashMap<>();
        List<DerivedItem> plain = new ArrayList<>();
        List<DerivedItem> cdvs = new ArrayList<>();
        for (DerivedItem item : sorted) {
            boolean isConditional = item.expr() instanceof Expr.Piecewise;
            for (String dep : dependencies(item, byName)) {
                isConditional |= conditional.get(dep);
            }
            conditional.put(item.name(), isConditional);
            (isConditional ? cdvs : plain).add(item);
        }
        return new Ordered(plain, cdvs);
    }

    private static List<String> dependencies(DerivedItem item, Map<String, DerivedItem> byName) {
        List<String> deps = new ArrayList<>();
        for (String symbol : Exprs.freeSymbols(item.expr())) {
            if (byName.containsKey(symbol)) {
                deps.add(symbol);
            }
        }
        return deps;
    }

    /** Depth-first: dependencies first; {@code done} false while on the current path (a cycle). */
    private static void visit(DerivedItem item, Map<String, DerivedItem> byName, Map<String, Boolean> done,
                              List<String> path, List<DerivedItem> sorted) {
        Boolean state = done.get(item.name());
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(item.name()), path.size()));
            cycle.add(item.name());
            throw new BadInputException(item.source().at(1),
                    "derived variables depend on each other in a cycle: " + String.join(" -> ", cycle));
        }
        done.put(item.name(), false);
        path.add(item.name());
        for (String dep : dependencies(item, byName)) {
            visit(byName.get(dep), byName, done, path, sorted);
        }
        path.remove(path.size() - 1);
        done.put(item.name(), true);
        sorted.add(item);
    }
}
