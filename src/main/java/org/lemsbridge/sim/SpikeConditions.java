package org.lemsbridge.sim;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.Dynamics;

/**
 * Finds a component's spike condition: an OnCondition (top level or in a regime) with an EventOut whose test is
 * {@code v .gt. X} or {@code v .geq. X} (or {@code X .lt. v}, possibly and-ed with a flag test) for the recorded
 * variable v and an X made of the
 * component's parameters and constants; its reset is the value the OnCondition, or the OnEntry of the regime it
 * moves to, assigns to v, when that too is made of parameters and constants.
 */
final class SpikeConditions {

    private SpikeConditions() {
    }

    static Optional<SpikeCondition> of(String quantity, Component component, String variable,
                                       Map<String, Double> globalConstants) {
        Dynamics dynamics = component.type().dynamics();
        if (dynamics == null) {
            return Optional.empty();
        }
        Values values = new Values(component.values(), globalConstants);
        for (Dynamics.OnCondition condition : dynamics.onConditions()) {
            Optional<SpikeCondition> found = match(quantity, condition, variable, values, dynamics);
            if (found.isPresent()) {
                return found;
            }
        }
        for (Dynamics.Regime regime : dynamics.regimes()) {
            for (Dynamics.OnCondition condition : regime.onConditions()) {
                Optional<SpikeCondition> found = match(quantity, condition, variable, values, dynamics);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SpikeCondition> match(String quantity, Dynamics.OnCondition condition, String variable,
                                                  Values values, Dynamics dynamics) {
        if (condition.actions().stream().noneMatch(a -> a instanceof Dynamics.EventOut)) {
            return Optional.empty();
        }
        Optional<Expr> upper = bound(condition.test(), variable);
        if (upper.isEmpty()) {
            return Optional.empty();
        }
        Expr bound = upper.get();
        Optional<Double> threshold = values.evaluate(bound);
        if (threshold.isEmpty()) {
            return Optional.empty();
        }
        double reset = resetValue(condition.actions(), variable, values, dynamics).orElse(Double.NaN);
        if (!(reset < threshold.get())) {
            reset = Double.NaN;
        }
        String source = bound instanceof Expr.Var name ? name.name() : "the spike condition";
        return Optional.of(new SpikeCondition(quantity, threshold.get(), reset, source));
    }

    private static Optional<Double> resetValue(List<Dynamics.Action> actions, String variable, Values values,
                                               Dynamics dynamics) {
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.StateAssignment assignment && assignment.variable().equals(variable)) {
                return values.evaluate(assignment.value());
            }
        }
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.Transition transition) {
                for (Dynamics.Regime regime : dynamics.regimes()) {
                    if (regime.name().equals(transition.regime())) {
                        for (List<Dynamics.Action> entry : regime.onEntries()) {
                            Optional<Double> reset = resetValue(entry, variable, values, dynamics);
                            if (reset.isPresent()) {
                                return reset;
                            }
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** X in {@code v > X}, {@code v >= X}, {@code X < v} or {@code X <= v}, also as one side of an {@code .and.}. */
    private static Optional<Expr> bound(Expr test, String variable) {
        if (!(test instanceof Expr.Binary binary)) {
            return Optional.empty();
        }
        return switch (binary.op()) {
            case AND -> bound(binary.left(), variable).or(() -> bound(binary.right(), variable));
            case GT, GE -> isVariable(binary.left(), variable) ? Optional.of(binary.right()) : Optional.empty();
            case LT, LE -> isVariable(binary.right(), variable) ? Optional.of(binary.left()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean isVariable(Expr expr, String variable) {
        return expr instanceof Expr.Var name && name.name().equals(variable);
    }

    /** A component's numeric values and the model's constants; any other name makes an expression unknown. */
    private record Values(Map<String, Double> component, Map<String, Double> globals) {
        private static final Set<Expr.BinaryOp> ARITHMETIC = EnumSet.of(Expr.BinaryOp.ADD, Expr.BinaryOp.SUB,
                Expr.BinaryOp.MUL, Expr.BinaryOp.DIV, Expr.BinaryOp.POW);

        Optional<Double> evaluate(Expr expr) {
            if (!knows(expr)) {
                return Optional.empty();
            }
            double value = Evaluator.evaluate(expr, Evaluator.withMathConstants(name -> {
                Double own = component.get(name);
                return own != null ? own : globals.get(name);
            }));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        }

        private boolean knows(Expr expr) {
            if (expr instanceof Expr.Var name) {
                return component.containsKey(name.name()) || globals.containsKey(name.name());
            }
            if (expr instanceof Expr.Num) {
                return true;
            }
            if (expr instanceof Expr.Unary unary) {
                return knows(unary.operand());
            }
            if (expr instanceof Expr.Binary binary) {
                return ARITHMETIC.contains(binary.op()) && knows(binary.left()) && knows(binary.right());
            }
            return false;
        }
    }
}
