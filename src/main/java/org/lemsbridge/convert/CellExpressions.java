package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;

/** Which names a cell's expressions use, and how often: what the flattener may drop or fold into initial values. */
final class CellExpressions {

    private CellExpressions() {
    }

    /**
     * States whose only OnStart assignment is a parameter used nowhere else (the renderer's {@code v_0}): that
     * parameter is the initial value, state name to parameter name.
     */
    static Map<String, String> initialValueParameters(org.lemsbridge.lems.Dynamics dyn, Set<String> constants,
            java.util.Collection<Expr> rates) {
        Map<String, Integer> uses = new HashMap<>();
        List<Expr> everything = new ArrayList<>(allExpressions(dyn, rates));
        for (Expr e : everything) {
            countUses(e, uses);
        }
        Map<String, Integer> assignedTimes = new HashMap<>();
        Map<String, String> candidates = new LinkedHashMap<>();
        for (List<org.lemsbridge.lems.Dynamics.Action> block : dyn.onStarts()) {
            for (org.lemsbridge.lems.Dynamics.Action action : block) {
                if (action instanceof org.lemsbridge.lems.Dynamics.StateAssignment a) {
                    assignedTimes.merge(a.variable(), 1, Integer::sum);
                    if (a.value() instanceof Expr.Var p && constants.contains(p.name())
                            && uses.getOrDefault(p.name(), 0) == 1) {
                        candidates.put(a.variable(), p.name());
                    }
                }
            }
        }
        candidates.keySet().removeIf(sv -> assignedTimes.get(sv) != 1);
        return candidates;
    }

    static void countUses(Expr e, Map<String, Integer> uses) {
        if (e instanceof Expr.Var v) {
            uses.merge(v.name(), 1, Integer::sum);
        }
        for (Expr child : Exprs.children(e)) {
            countUses(child, uses);
        }
    }

    static Set<String> symbolsUsed(org.lemsbridge.lems.Dynamics dyn, java.util.Collection<Expr> rates) {
        Set<String> used = new HashSet<>();
        for (Expr e : allExpressions(dyn, rates)) {
            used.addAll(Exprs.freeSymbols(e));
        }
        return used;
    }

    /** Every expression the flattened cell keeps: rates as given, derived values, tests, assignments. */
    static List<Expr> allExpressions(org.lemsbridge.lems.Dynamics dyn, java.util.Collection<Expr> rates) {
        List<Expr> all = new ArrayList<>(rates);
        dyn.derivedVariables().stream().filter(dv -> !dv.isSelect()).forEach(dv -> all.add(dv.value()));
        dyn.conditionalDerivedVariables().forEach(cdv -> cdv.cases().forEach(c -> {
            all.add(c.value());
            if (c.condition() != null) {
                all.add(c.condition());
            }
        }));
        List<List<org.lemsbridge.lems.Dynamics.Action>> blocks = new ArrayList<>(dyn.onStarts());
        dyn.onConditions().forEach(on -> {
            all.add(on.test());
            blocks.add(on.actions());
        });
        for (List<org.lemsbridge.lems.Dynamics.Action> block : blocks) {
            for (org.lemsbridge.lems.Dynamics.Action action : block) {
                if (action instanceof org.lemsbridge.lems.Dynamics.StateAssignment a) {
                    all.add(a.value());
                }
            }
        }
        return all;
    }

    static boolean containsRandom(Expr e) {
        if (e instanceof Expr.Call c && c.function().equals("random")) {
            return true;
        }
        return Exprs.children(e).stream().anyMatch(CellExpressions::containsRandom);
    }
}
