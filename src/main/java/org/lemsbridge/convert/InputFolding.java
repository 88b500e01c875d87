package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.units.Dimension;

/**
 * Recognises an input whose state is a pure function of time (pulse, ramp and sine generators and anything built
 * the same way: no rates, no events that change it, every OnCondition testing only {@code t} against fixed values
 * and assigning a function of {@code t} and fixed values, the tests together covering every time) and rewrites
 * its state as one Piecewise in {@code t}. The Piecewise gives the value jLEMS records at every row, including row
 * 0 where the input holds its OnStart value (0 without one).
 */
final class InputFolding {

    /**
     * A folded input: its variable as a Piecewise over the prefixed names of the fixed quantities it uses, the
     * dimension of that variable, and those quantities.
     */
    record FoldedInput(String variableName, Expr piecewise, Dimension dimension,
            Map<String, ComponentConstants.Entry> constants) {
        FoldedInput {
            constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
        }
    }

    private static final Expr T = new Expr.Var("t");

    private InputFolding() {
    }

    /**
     * Folds {@code variable} of {@code input} (with property values such as {@code weight}); names of its fixed
     * quantities get {@code prefix + "_"}. Throws {@link BadInputException} at {@code where} naming why the input
     * is not a pure function of time.
     */
    static FoldedInput fold(Component input, String variable, String prefix, Map<String, Double> properties,
            LemsModel model, SourceLocation where) {
        return fold(input, variable, prefix, properties, model, where, Set.of());
    }

    /**
     * As {@link #fold(Component, String, String, Map, LemsModel, SourceLocation)}; {@code parentVariables} are the
     * cell variables an input may read through a Requirement (jLEMS gives it their start-of-step values, which is
     * what a derived variable of the flat cell sees too).
     */
    static FoldedInput fold(Component input, String variable, String prefix, Map<String, Double> properties,
            LemsModel model, SourceLocation where, Set<String> parentVariables) {
        String what = "input " + input.describe();
        Dynamics dyn = input.type().dynamicsIfAny().orElseThrow(() -> unsupported(where, what, "has no Dynamics"));
        if (!dyn.timeDerivatives().isEmpty() || !dyn.regimes().isEmpty() || !dyn.kineticSchemes().isEmpty()) {
            throw unsupported(where, what, "integrates its own state (rates, regimes or kinetic schemes)");
        }
        if (dyn.onEvents().stream().anyMatch(e -> !e.actions().isEmpty())) {
            throw unsupported(where, what, "changes its state when it receives events");
        }
        Set<String> requirements = new java.util.HashSet<>();
        for (var requirement : input.type().requirements()) {
            if (!parentVariables.contains(requirement.name())) {
                throw unsupported(where, what, "reads '" + requirement.name() + "' from the cell, which the flat "
                        + "cell cannot give it at the value jLEMS would");
            }
            requirements.add(requirement.name());
        }
        Map<String, ComponentConstants.Entry> constants = ComponentConstants.of(input, model, properties);
        if (dyn.stateVariables().isEmpty()) {
            return derived(input, dyn, variable, prefix, constants, model, where, what, parentVariables);
        }
        if (!dyn.derivedVariables().isEmpty() || !dyn.conditionalDerivedVariables().isEmpty()) {
            throw unsupported(where, what, "has derived variables next to its state");
        }
        if (dyn.stateVariables().size() != 1 || !dyn.stateVariables().get(0).name().equals(variable)) {
            throw unsupported(where, what, "does not have exactly one state variable, '" + variable + "'");
        }
        Map<String, Double> si = new HashMap<>();
        constants.forEach((name, entry) -> si.put(name, entry.si()));
        Set<String> readable = new java.util.HashSet<>(constants.keySet());
        readable.addAll(requirements);

        Expr rowZero = new Expr.Num(0.0);
        for (List<Dynamics.Action> block : dyn.onStarts()) {
            for (Dynamics.Action action : block) {
                rowZero = assignedValue(action, variable, readable, where, what, false);
            }
        }
        List<Expr.Case> inOrder = new ArrayList<>();
        TreeSet<Double> thresholds = new TreeSet<>();
        for (Dynamics.OnCondition on : dyn.onConditions()) {
            collectThresholds(on.test(), si, thresholds, where, what);
            checkSymbols(on.test(), constants.keySet(), true, where, what);
            Expr value = null;
            for (Dynamics.Action action : on.actions()) {
                if (action instanceof Dynamics.EventOut) {
                    continue;
                }
                value = assignedValue(action, variable, readable, where, what, true);
            }
            if (value != null) {
                inOrder.add(new Expr.Case(value, on.test()));
            }
        }
        if (inOrder.isEmpty()) {
            throw unsupported(where, what, "never assigns '" + variable + "' in an OnCondition");
        }
        Coverage coverage = coverage(inOrder, thresholds, si);
        if (!coverage.complete()) {
            throw unsupported(where, what, "has OnConditions that leave some times uncovered, so its value there "
                    + "depends on its history");
        }
        List<Expr.Case> cases = new ArrayList<>();
        if (coverage.disjoint()) {
            cases.addAll(inOrder);
        } else {
            // Later OnConditions overwrite earlier ones: the last true test wins.
            for (int i = inOrder.size() - 1; i >= 0; i--) {
                cases.add(inOrder.get(i));
            }
        }
        Expr.Case last = cases.remove(cases.size() - 1);
        cases.add(new Expr.Case(last.value(), new Expr.Bool(true)));
        Expr piecewise = new Expr.Piecewise(cases);
        boolean sameAtZero;
        try {
            sameAtZero = Double.compare(evaluateAt(piecewise, 0.0, si),
                    Evaluator.evaluate(rowZero, n -> lookup(n, 0.0, si))) == 0;
        } catch (IllegalStateException readsTheCell) {
            sameAtZero = false;
        }
        if (!sameAtZero) {
            // Row 0 shows the state before any step (t > 0 in every step): keep that value at t <= 0 only.
            List<Expr.Case> withStart = new ArrayList<>();
            withStart.add(new Expr.Case(rowZero, new Expr.Binary(Expr.BinaryOp.LE, T, new Expr.Num(0.0))));
            withStart.addAll(cases);
            piecewise = new Expr.Piecewise(withStart);
        }
        Map<String, Expr> renaming = new HashMap<>();
        Map<String, ComponentConstants.Entry> used = new LinkedHashMap<>();
        Set<String> symbols = Exprs.freeSymbols(piecewise);
        constants.forEach((name, entry) -> {
            if (symbols.contains(name)) {
                String renamed = prefix + "_" + name;
                renaming.put(name, new Expr.Var(renamed));
                used.put(renamed, new ComponentConstants.Entry(renamed, entry.si(), entry.quantity(), entry.kind()));
            }
        });
        Dimension dimension = ComponentConstants.dimension(model, dyn.stateVariables().get(0).dimension(), input);
        return new FoldedInput(prefix + "_" + variable, Exprs.substitute(piecewise, renaming), dimension, used);
    }

    /**
     * A stateless input whose variable is a derived one, e.g. compoundInputDL: {@code I = weight * I_total} with
     * {@code I_total} the sum over its child inputs, each folded in turn and inlined.
     */
    private static FoldedInput derived(Component input, Dynamics dyn, String variable, String prefix,
            Map<String, ComponentConstants.Entry> constants, LemsModel model, SourceLocation where, String what,
            Set<String> parentVariables) {
        if (!dyn.onConditions().isEmpty() || !dyn.conditionalDerivedVariables().isEmpty()) {
            throw unsupported(where, what, "has conditions or conditional derived variables without a state");
        }
        Map<String, Dynamics.DerivedVariable> byName = new LinkedHashMap<>();
        dyn.derivedVariables().forEach(dv -> byName.put(dv.name(), dv));
        Dynamics.DerivedVariable target = byName.get(variable);
        if (target == null || target.isSelect()) {
            throw unsupported(where, what, "has no derived variable '" + variable + "' defined by a value");
        }
        List<String> plainOrder = dyn.derivedVariables().stream().filter(dv -> !dv.isSelect())
                .map(Dynamics.DerivedVariable::name).toList();
        Map<String, Expr> replacements = new HashMap<>();
        Map<String, ComponentConstants.Entry> used = new LinkedHashMap<>();
        for (String symbol : Exprs.freeSymbols(target.value())) {
            if (constants.containsKey(symbol)) {
                String renamed = prefix + "_" + symbol;
                replacements.put(symbol, new Expr.Var(renamed));
                ComponentConstants.Entry entry = constants.get(symbol);
                used.put(renamed, new ComponentConstants.Entry(renamed, entry.si(), entry.quantity(), entry.kind()));
            } else if (byName.containsKey(symbol) && byName.get(symbol).isSelect()) {
                Dynamics.DerivedVariable select = byName.get(symbol);
                String path = select.select();
                int star = path.indexOf("[*]/");
                String reduce = select.reduce() == null ? "add" : select.reduce();
                if (star <= 0 || !reduce.equals("add")) {
                    throw unsupported(where, what, "selects '" + path + "' (reduce " + reduce + ")");
                }
                String list = path.substring(0, star);
                String childVariable = path.substring(star + 4);
                Expr sum = new Expr.Num(0.0);
                int index = 0;
                for (Component child : input.children()) {
                    if (!list.equals(child.role())) {
                        continue;
                    }
                    String childPrefix = prefix + "_" + SafeId.of(child.id() == null ? list + index : child.id());
                    index++;
                    FoldedInput folded = fold(child, childVariable, childPrefix, Map.of(), model, where,
                            parentVariables);
                    used.putAll(folded.constants());
                    sum = new Expr.Binary(Expr.BinaryOp.ADD, sum, folded.piecewise());
                }
                replacements.put(symbol, sum);
            } else if (!parentVariables.contains(symbol) || plainOrder.contains(symbol)) {
                throw unsupported(where, what, "defines '" + variable + "' with '" + symbol
                        + "', which is not a fixed value or a sum over its child inputs");
            }
        }
        Dimension dimension = ComponentConstants.dimension(model, target.dimension(), input);
        return new FoldedInput(prefix + "_" + variable, Exprs.substitute(target.value(), replacements), dimension, used);
    }

    private record Coverage(boolean complete, boolean disjoint) {
    }

    /**
     * Every test compares {@code t} with fixed values, so which tests hold can change only at those values: checking
     * each of them, its neighbouring doubles and a point inside every gap covers all times.
     */
    private static Coverage coverage(List<Expr.Case> cases, TreeSet<Double> thresholds, Map<String, Double> si) {
        List<Double> points = new ArrayList<>();
        if (thresholds.isEmpty()) {
            points.add(0.0);
        } else {
            points.add(thresholds.first() - 1.0);
            points.add(thresholds.last() + 1.0);
            Double previous = null;
            for (double x : thresholds) {
                points.add(x);
                points.add(Math.nextUp(x));
                points.add(Math.nextDown(x));
                if (previous != null) {
                    points.add(previous + (x - previous) / 2);
                }
                previous = x;
            }
        }
        boolean complete = true;
        boolean disjoint = true;
        for (double t : points) {
            int holding = 0;
            for (Expr.Case c : cases) {
                if (Evaluator.evaluate(c.condition(), n -> lookup(n, t, si)) != 0.0) {
                    holding++;
                }
            }
            complete &= holding >= 1;
            disjoint &= holding <= 1;
        }
        return new Coverage(complete, disjoint);
    }

    private static void collectThresholds(Expr test, Map<String, Double> si, Set<Double> thresholds,
            SourceLocation where, String what) {
        if (test instanceof Expr.Binary b && b.op().isLogical()) {
            collectThresholds(b.left(), si, thresholds, where, what);
            collectThresholds(b.right(), si, thresholds, where, what);
            return;
        }
        if (test instanceof Expr.Binary b && b.op().isRelational()) {
            Expr other = b.left().equals(T) ? b.right() : b.right().equals(T) ? b.left() : null;
            if (other != null && !Exprs.freeSymbols(other).contains("t")) {
                thresholds.add(Evaluator.evaluate(other, n -> lookup(n, Double.NaN, si)));
                return;
            }
        }
        throw unsupported(where, what, "has a test that is not a comparison of t with fixed values");
    }

    private static Expr assignedValue(Dynamics.Action action, String variable, Set<String> constants,
            SourceLocation where, String what, boolean timeAllowed) {
        if (!(action instanceof Dynamics.StateAssignment assignment) || !assignment.variable().equals(variable)) {
            throw unsupported(where, what, "has an action other than assigning '" + variable + "'");
        }
        checkSymbols(assignment.value(), constants, timeAllowed, where, what);
        return assignment.value();
    }

    private static void checkSymbols(Expr e, Set<String> constants, boolean timeAllowed, SourceLocation where,
            String what) {
        for (String symbol : Exprs.freeSymbols(e)) {
            if (!constants.contains(symbol) && !(timeAllowed && symbol.equals("t"))) {
                throw unsupported(where, what, "uses '" + symbol + "', which is not a fixed value"
                        + (timeAllowed ? " or t" : ""));
            }
        }
    }

    private static double evaluateAt(Expr e, double t, Map<String, Double> si) {
        return Evaluator.evaluate(e, n -> lookup(n, t, si));
    }

    private static double lookup(String name, double t, Map<String, Double> si) {
        if (name.equals("t")) {
            return t;
        }
        Double value = si.get(name);
        if (value == null) {
            throw new IllegalStateException("unchecked symbol " + name);
        }
        return value;
    }

    private static BadInputException unsupported(SourceLocation where, String what, String why) {
        return new BadInputException(where, what + " is not a pure function of time: it " + why
                + "; lemsbridge import folds only such inputs");
    }
}
