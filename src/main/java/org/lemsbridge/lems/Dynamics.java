package org.lemsbridge.lems;

import java.util.List;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.util.Mapped;

/** The behaviour block of a ComponentType, with every expression already parsed. */
public record Dynamics(
        List<StateVariable> stateVariables,
        List<DerivedVariable> derivedVariables,
        List<ConditionalDerivedVariable> conditionalDerivedVariables,
        List<TimeDerivative> timeDerivatives,
        List<List<Action>> onStarts,
        List<OnCondition> onConditions,
        List<OnEvent> onEvents,
        List<Regime> regimes,
        List<KineticScheme> kineticSchemes,
        boolean simultaneous) {

    public Dynamics {
        stateVariables = List.copyOf(stateVariables);
        derivedVariables = List.copyOf(derivedVariables);
        conditionalDerivedVariables = List.copyOf(conditionalDerivedVariables);
        timeDerivatives = List.copyOf(timeDerivatives);
        onStarts = Mapped.list(onStarts, List::copyOf);
        onConditions = List.copyOf(onConditions);
        onEvents = List.copyOf(onEvents);
        regimes = List.copyOf(regimes);
        kineticSchemes = List.copyOf(kineticSchemes);
    }

    public record StateVariable(String name, String dimension, String exposure, SourceLocation location) {
    }

    /** Either {@code value} is set, or {@code select} (with {@code reduce}, possibly null) is. */
    public record DerivedVariable(String name, String dimension, String exposure, Expr value, String select,
            String reduce, boolean required, SourceLocation location) {
        public boolean isSelect() {
            return select != null;
        }
    }

    public record ConditionalDerivedVariable(String name, String dimension, String exposure, List<Case> cases,
            SourceLocation location) {
        public ConditionalDerivedVariable {
            cases = List.copyOf(cases);
        }
    }

    /** A Case; {@code condition} is null for the default case. */
    public record Case(Expr condition, Expr value) {
    }

    public record TimeDerivative(String variable, Expr value, SourceLocation location) {
    }

    public record OnCondition(Expr test, List<Action> actions, SourceLocation location) {
        public OnCondition {
            actions = List.copyOf(actions);
        }
    }

    public record OnEvent(String port, List<Action> actions, SourceLocation location) {
        public OnEvent {
            actions = List.copyOf(actions);
        }
    }

    public record Regime(String name, boolean initial, List<TimeDerivative> timeDerivatives,
            List<List<Action>> onEntries, List<OnCondition> onConditions, List<OnEvent> onEvents,
            SourceLocation location) {
        public Regime {
            timeDerivatives = List.copyOf(timeDerivatives);
            onEntries = Mapped.list(onEntries, List::copyOf);
            onConditions = List.copyOf(onConditions);
            onEvents = List.copyOf(onEvents);
        }
    }

    public record KineticScheme(String name, String nodes, String stateVariable, String edges, String edgeSource,
            String edgeTarget, String forwardRate, String reverseRate, SourceLocation location) {
    }

    /** What an event or condition block does. */
    public sealed interface Action permits StateAssignment, EventOut, Transition {
    }

    public record StateAssignment(String variable, Expr value, SourceLocation location) implements Action {
    }

    public record EventOut(String port, SourceLocation location) implements Action {
    }

    public record Transition(String regime, SourceLocation location) implements Action {
    }
}
