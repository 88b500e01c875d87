package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.lems.Dynamics;

/**
 * A faithful flat encoding of regimes (e.g. a refractory period) where one exists. The active regime is a state
 * variable holding the regime's index; a derived variable copies it at the start of each step, as jLEMS fixes
 * the active regime for the whole step. Each regime's rates become Piecewise cases guarded by that copy (0 where a
 * regime has none), each regime OnCondition an event guarded by it, and a Transition assigns the index and runs the
 * target's OnEntry. jLEMS records exposed variables that a regime updates one step late (the exposure is copied
 * before the regime step), so their recorded form is a derived variable, which also holds the previous step's
 * value. Refused when the order of jLEMS's steps would show: main-level conditions next to regime rates, or regime
 * rates that read variables updated before them in the same step.
 */
final class RegimeFlattening {

    /** One regime event: its guarded test and its assignments in order (variable, value). */
    record GuardedEvent(String name, Expr test, List<Map.Entry<String, Expr>> assignments) {
        GuardedEvent {
            assignments = List.copyOf(assignments);
        }
    }

    private final Dynamics dyn;
    private final String flag;
    private final String activeRegime;
    private final List<String> names = new ArrayList<>();

    private RegimeFlattening(Dynamics dyn, String flag, String activeRegime) {
        this.dyn = dyn;
        this.flag = flag;
        this.activeRegime = activeRegime;
        dyn.regimes().forEach(r -> names.add(r.name()));
    }

    /** Checks that the regimes of {@code dyn} have an exact flat form; {@code flag}/{@code activeRegime} are free names. */
    static RegimeFlattening of(Dynamics dyn, String flag, String activeRegime, SourceLocation where, String what) {
        RegimeFlattening f = new RegimeFlattening(dyn, flag, activeRegime);
        f.check(where, what);
        return f;
    }

    String flag() {
        return flag;
    }

    String activeRegime() {
        return activeRegime;
    }

    /** The index of the initial regime. */
    int initialIndex() {
        for (int i = 0; i < dyn.regimes().size(); i++) {
            if (dyn.regimes().get(i).initial()) {
                return i;
            }
        }
        return 0;
    }

    /** Rates per state from the regimes: a Piecewise over the active regime, 0 in regimes without a rate. */
    Map<String, Expr> rates() {
        Map<String, List<Expr.Case>> cases = new LinkedHashMap<>();
        for (int i = 0; i < dyn.regimes().size(); i++) {
            for (Dynamics.TimeDerivative td : dyn.regimes().get(i).timeDerivatives()) {
                cases.computeIfAbsent(td.variable(), k -> new ArrayList<>()).add(new Expr.Case(td.value(), guard(i)));
            }
        }
        Map<String, Expr> rates = new LinkedHashMap<>();
        cases.forEach((variable, list) -> {
            List<Expr.Case> all = new ArrayList<>(list);
            all.add(new Expr.Case(new Expr.Num(0.0), new Expr.Bool(true)));
            rates.put(variable, new Expr.Piecewise(all));
        });
        return rates;
    }

    /** Every regime OnCondition as a guarded event; a Transition sets the index and runs the target's OnEntry. */
    List<GuardedEvent> events() {
        List<GuardedEvent> events = new ArrayList<>();
        for (int i = 0; i < dyn.regimes().size(); i++) {
            Dynamics.Regime regime = dyn.regimes().get(i);
            int n = 0;
            for (Dynamics.OnCondition on : regime.onConditions()) {
                n++;
                List<Map.Entry<String, Expr>> assignments = new ArrayList<>();
                String target = null;
                for (Dynamics.Action action : on.actions()) {
                    if (action instanceof Dynamics.StateAssignment a) {
                        assignments.add(Map.entry(a.variable(), a.value()));
                    } else if (action instanceof Dynamics.Transition t) {
                        target = t.regime();
                    }
                }
                String name = regime.name() + "_" + n;
                if (target != null) {
                    int index = names.indexOf(target);
                    assignments.add(Map.entry(flag, new Expr.Num(index)));
                    for (List<Dynamics.Action> entry : dyn.regimes().get(index).onEntries()) {
                        for (Dynamics.Action action : entry) {
                            if (action instanceof Dynamics.StateAssignment a) {
                                assignments.add(Map.entry(a.variable(), a.value()));
                            }
                        }
                    }
                    name = regime.name() + "_to_" + target;
                }
                events.add(new GuardedEvent(name, new Expr.Binary(Expr.BinaryOp.AND, guard(i), on.test()), assignments));
            }
        }
        return events;
    }

    /** Variables a regime changes (rates, assignments, OnEntry), which jLEMS's exposures show one step late. */
    Set<String> updatedInRegimes() {
        Set<String> updated = new HashSet<>();
        for (Dynamics.Regime regime : dyn.regimes()) {
            regime.timeDerivatives().forEach(td -> updated.add(td.variable()));
            List<List<Dynamics.Action>> blocks = new ArrayList<>(regime.onEntries());
            regime.onConditions().forEach(on -> blocks.add(on.actions()));
            blocks.forEach(block -> block.forEach(action -> {
                if (action instanceof Dynamics.StateAssignment a) {
                    updated.add(a.variable());
                }
            }));
        }
        return updated;
    }

    /** Every expression of the regimes, for use counts. */
    List<Expr> expressions() {
        List<Expr> all = new ArrayList<>();
        for (Dynamics.Regime regime : dyn.regimes()) {
            regime.timeDerivatives().forEach(td -> all.add(td.value()));
            List<List<Dynamics.Action>> blocks = new ArrayList<>(regime.onEntries());
            regime.onConditions().forEach(on -> {
                all.add(on.test());
                blocks.add(on.actions());
            });
            blocks.forEach(block -> block.forEach(action -> {
                if (action instanceof Dynamics.StateAssignment a) {
                    all.add(a.value());
                }
            }));
        }
        return all;
    }

    private Expr guard(int index) {
        Expr active = new Expr.Var(activeRegime);
        int last = dyn.regimes().size() - 1;
        Expr below = new Expr.Binary(Expr.BinaryOp.LT, active, new Expr.Num(index + 0.5));
        Expr above = new Expr.Binary(Expr.BinaryOp.GT, active, new Expr.Num(index - 0.5));
        if (index == 0) {
            return below;
        }
        return index == last ? above : new Expr.Binary(Expr.BinaryOp.AND, above, below);
    }

    private void check(SourceLocation where, String what) {
        String listed = String.join(", ", names);
        long initial = dyn.regimes().stream().filter(Dynamics.Regime::initial).count();
        if (initial != 1 && dyn.regimes().size() > 1) {
            throw refused(where, what, listed, "no single regime is marked initial");
        }
        boolean regimeRates = dyn.regimes().stream().anyMatch(r -> !r.timeDerivatives().isEmpty());
        if (regimeRates && !dyn.onConditions().isEmpty()) {
            throw refused(where, what, listed, "main-level OnConditions run before the regime rates in each step");
        }
        Set<String> mainRates = new HashSet<>();
        dyn.timeDerivatives().forEach(td -> mainRates.add(td.variable()));
        for (Dynamics.Regime regime : dyn.regimes()) {
            Set<String> updatedBefore = new HashSet<>(mainRates);
            for (Dynamics.TimeDerivative td : regime.timeDerivatives()) {
                if (mainRates.contains(td.variable())) {
                    throw refused(where, what, listed, "'" + td.variable() + "' has rates at main level and in "
                            + "regime " + regime.name());
                }
                for (String symbol : Exprs.freeSymbols(td.value())) {
                    if (updatedBefore.contains(symbol)) {
                        throw refused(where, what, listed, "in regime " + regime.name() + " the rate of '"
                                + td.variable() + "' reads '" + symbol + "', which jLEMS has already updated in the "
                                + "same step (regime rates are applied one after another)");
                    }
                }
                updatedBefore.add(td.variable());
            }
            for (Dynamics.OnCondition on : regime.onConditions()) {
                for (Dynamics.Action action : on.actions()) {
                    if (action instanceof Dynamics.Transition t && !names.contains(t.regime())) {
                        throw new BadInputException(t.location(), what + ": transition to unknown regime '"
                                + t.regime() + "'");
                    }
                }
            }
        }
    }

    private static BadInputException refused(SourceLocation where, String what, String regimes, String why) {
        return new BadInputException(where, what + " has regimes (" + regimes + ") without an exact flat form: "
                + why + "; it is not imported");
    }
}
