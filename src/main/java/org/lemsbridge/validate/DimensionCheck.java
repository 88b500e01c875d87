package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.expr.ParseLimits;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.DimensionException;
import org.lemsbridge.units.DimensionInference;
import org.lemsbridge.util.Mapped;

/**
 * Checks the dimension of every expression of every ComponentType against what it must be: a TimeDerivative has
 * the state's dimension per time, a DerivedVariable, ConditionalDerivedVariable case or DerivedParameter its
 * declared dimension, a StateAssignment the state's dimension; conditions must merely be consistent. A literal
 * number is accepted for any dimension only when it is zero.
 *
 * <p>Types defined in the validated file are always checked and their problems are errors. Types from included
 * files (the NeuroML core types, say) are checked only when a component of the model uses them, and their problems
 * are warnings: they are not the user's to fix here, and jLEMS runs such types.
 */
final class DimensionCheck {

    private static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    private final LemsModel model;
    private final UndeclaredDimensions undeclared;
    private final List<Finding> findings = new ArrayList<>();

    private DimensionCheck(LemsModel model, UndeclaredDimensions undeclared) {
        this.model = model;
        this.undeclared = undeclared;
    }

    static List<Finding> check(LemsModel model, String validatedFile, UndeclaredDimensions undeclared) {
        Set<String> used = new HashSet<>();
        model.topLevelComponents().forEach(c -> collectUsedTypes(model, c, used));
        List<Finding> all = new ArrayList<>();
        for (ComponentType type : model.types().values()) {
            boolean own = type.location() != null && validatedFile.equals(type.location().file());
            if (!own && !used.contains(type.name())) {
                continue;
            }
            DimensionCheck check = new DimensionCheck(model, undeclared);
            check.type(type);
            for (Finding f : check.findings) {
                all.add(own ? f : new Finding(f.code(), Severity.WARNING, f.location(), f.message(), f.hint()));
            }
        }
        return List.copyOf(all);
    }

    private static void collectUsedTypes(LemsModel model, Component component, Set<String> used) {
        ComponentType type = component.type();
        while (type != null && used.add(type.name())) {
            type = type.extendsName() == null ? null : model.types().get(type.extendsName());
        }
        component.children().forEach(child -> collectUsedTypes(model, child, used));
    }

    /** The names of one ComponentType with their dimensions; a name mapped to empty has an unknown dimension. */
    private final class Scope {
        final ComponentType type;
        final Map<String, Optional<Dimension>> symbols = new HashMap<>();
        final Map<String, Dimension> states = new HashMap<>();

        Scope(ComponentType type) {
            this.type = type;
            symbols.put("t", Optional.of(TIME));
            model.globalConstants().keySet().forEach(name -> symbols.put(name, Optional.empty()));
            type.parameters().forEach(p -> declare(p.name(), p.dimension(), type.location()));
            type.derivedParameters().forEach(p -> declare(p.name(), p.dimension(), type.location()));
            type.constants().forEach(c -> declare(c.name(), c.dimension(), type.location()));
            type.properties().forEach(p -> declare(p.name(), p.dimension(), type.location()));
            type.requirements().forEach(r -> declare(r.name(), r.dimension(), type.location()));
            type.exposures().forEach(e -> symbols.putIfAbsent(e.name(), Optional.empty()));
            Dynamics dynamics = type.dynamics();
            if (dynamics != null) {
                for (Dynamics.StateVariable state : dynamics.stateVariables()) {
                    declare(state.name(), withExposure(state.dimension(), state.exposure()), state.location());
                    symbols.get(state.name()).ifPresent(d -> states.put(state.name(), d));
                }
                List<Dynamics.DerivedVariable> open = new ArrayList<>();
                for (Dynamics.DerivedVariable dv : dynamics.derivedVariables()) {
                    if (undeclared.isOpen(model, type, dv.name()) && dv.exposure() == null) {
                        symbols.put(dv.name(), Optional.empty());
                        open.add(dv);
                    } else {
                        declare(dv.name(), withExposure(dv.dimension(), dv.exposure()), dv.location());
                    }
                }
                dynamics.conditionalDerivedVariables().forEach(c -> declare(c.name(), withExposure(c.dimension(),
                        c.exposure()), c.location()));
                inferOpen(open);
            }
        }

        /** Gives each DerivedVariable written without a dimension the dimension of its value, where that is known. */
        private void inferOpen(List<Dynamics.DerivedVariable> open) {
            boolean progress = true;
            while (progress) {
                progress = false;
                for (Dynamics.DerivedVariable dv : open) {
                    if (dv.value() == null || symbols.get(dv.name()).isPresent()
                            || Exprs.depth(dv.value()) > ParseLimits.MAX_TREE_DEPTH) {
                        continue;
                    }
                    boolean known = Mapped.all(Exprs.freeSymbols(dv.value()),
                            name -> symbols.getOrDefault(name, Optional.empty()).isPresent());
                    if (known) {
                        try {
                            symbols.put(dv.name(), Optional.of(DimensionInference.infer(dv.value(),
                                    name -> symbols.getOrDefault(name, Optional.empty()))));
                            progress = true;
                        } catch (DimensionException e) {
                            // reported when the value itself is checked
                        }
                    }
                }
            }
        }

        /**
         * A variable written without a dimension reads as "none"; when it is exposed, jLEMS takes the exposure's
         * dimension instead (NeuroML's gapJunction {@code i}, say).
         */
        private String withExposure(String dimensionName, String exposureName) {
            if (exposureName == null || (dimensionName != null && !dimensionName.equals("none"))) {
                return dimensionName;
            }
            for (ComponentType.Exposure exposure : type.exposures()) {
                if (exposure.name().equals(exposureName)) {
                    return exposure.dimension() != null ? exposure.dimension() : dimensionName;
                }
            }
            return dimensionName;
        }

        private void declare(String name, String dimensionName, SourceLocation where) {
            if ("*".equals(dimensionName)) {
                symbols.put(name, Optional.empty());
                return;
            }
            Optional<Dimension> dimension = model.units().dimension(dimensionName == null ? "none" : dimensionName);
            if (dimension.isEmpty()) {
                findings.add(Finding.error(Code.UNKNOWN_DIMENSION, where, "'" + name + "' in ComponentType '"
                        + type.name() + "' has dimension '" + dimensionName + "', which is not defined",
                        "declare it with <Dimension name=\"" + dimensionName + "\" .../>"));
            }
            symbols.put(name, dimension);
        }

        /** The dimension of {@code expr}, or empty when a problem was reported or a name's dimension is unknown. */
        Optional<Dimension> infer(Expr expr, String what, SourceLocation where) {
            if (Exprs.depth(expr) > ParseLimits.MAX_TREE_DEPTH) {
                findings.add(Finding.error(Code.EXPRESSION_TOO_DEEP, where, what + " in ComponentType '" + type.name()
                        + "' is nested more than " + ParseLimits.MAX_TREE_DEPTH + " levels deep",
                        "split it into DerivedVariables"));
                return Optional.empty();
            }
            Set<String> unknown = new HashSet<>();
            for (String name : Exprs.freeSymbols(expr)) {
                Optional<Dimension> known = symbols.get(name);
                if (known == null) {
                    findings.add(Finding.error(Code.UNKNOWN_SYMBOL, where, what + " in ComponentType '" + type.name()
                            + "' uses '" + name + "', which the type does not define", "declare it as a Parameter,"
                            + " Constant, Requirement, StateVariable or DerivedVariable"));
                    return Optional.empty();
                }
                if (known.isEmpty()) {
                    unknown.add(name);
                }
            }
            if (!unknown.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(DimensionInference.infer(expr, name -> symbols.getOrDefault(name, Optional.empty())));
            } catch (DimensionException e) {
                findings.add(Finding.error(Code.INCONSISTENT_EXPRESSION, where, what + " in ComponentType '"
                        + type.name() + "': " + e.getMessage(), null));
                return Optional.empty();
            }
        }

        void expect(Expr expr, Dimension expected, String what, String expectedInWords, SourceLocation where) {
            Optional<Dimension> actual = infer(expr, what, where);
            if (actual.isEmpty() || actual.get().equals(expected) || isZero(expr)) {
                return;
            }
            findings.add(Finding.error(Code.DIMENSION_MISMATCH, where, what + " in ComponentType '" + type.name()
                    + "' is '" + ExpressionText.of(expr) + "', which has dimension " + actual.get().describe()
                    + ", but it must have dimension " + expected.describe() + " (" + expectedInWords + ")", null));
        }

        void expectDeclared(Expr expr, String name, String what, SourceLocation where) {
            Optional<Dimension> declared = symbols.getOrDefault(name, Optional.empty());
            declared.ifPresent(d -> expect(expr, d, what, "the declared dimension of '" + name + "'", where));
        }
    }

    private void type(ComponentType type) {
        Scope scope = new Scope(type);
        for (ComponentType.DerivedParameter derived : type.derivedParameters()) {
            if (derived.value() != null) {
                scope.expectDeclared(derived.value(), derived.name(), "DerivedParameter '" + derived.name() + "'",
                        type.location());
            }
        }
        Dynamics dynamics = type.dynamics();
        if (dynamics == null) {
            return;
        }
        for (Dynamics.DerivedVariable dv : dynamics.derivedVariables()) {
            if (dv.value() == null) {
                continue;
            }
            String what = "DerivedVariable '" + dv.name() + "'";
            if (undeclared.isOpen(model, type, dv.name()) && dv.exposure() == null) {
                scope.infer(dv.value(), what, dv.location());
            } else {
                scope.expectDeclared(dv.value(), dv.name(), what, dv.location());
            }
        }
        for (Dynamics.ConditionalDerivedVariable cdv : dynamics.conditionalDerivedVariables()) {
            for (Dynamics.Case branch : cdv.cases()) {
                if (branch.condition() != null) {
                    scope.infer(branch.condition(), "a Case condition of '" + cdv.name() + "'", cdv.location());
                }
                scope.expectDeclared(branch.value(), cdv.name(), "a Case value of '" + cdv.name() + "'",
                        cdv.location());
            }
        }
        rates(scope, dynamics.timeDerivatives());
        dynamics.onStarts().forEach(actions -> actions(scope, actions, "OnStart"));
        conditions(scope, dynamics.onConditions());
        dynamics.onEvents().forEach(e -> actions(scope, e.actions(), "OnEvent '" + e.port() + "'"));
        for (Dynamics.Regime regime : dynamics.regimes()) {
            rates(scope, regime.timeDerivatives());
            regime.onEntries().forEach(actions -> actions(scope, actions, "OnEntry of regime '" + regime.name() + "'"));
            conditions(scope, regime.onConditions());
            regime.onEvents().forEach(e -> actions(scope, e.actions(), "OnEvent '" + e.port() + "'"));
        }
    }

    private void rates(Scope scope, List<Dynamics.TimeDerivative> rates) {
        for (Dynamics.TimeDerivative rate : rates) {
            Dimension state = scope.states.get(rate.variable());
            if (state == null) {
                notAState(scope, rate.variable(), "TimeDerivative", rate.location());
                continue;
            }
            scope.expect(rate.value(), state.dividedBy(TIME), "the TimeDerivative of '" + rate.variable() + "'",
                    "the dimension of '" + rate.variable() + "', " + state.describe() + ", per time", rate.location());
        }
    }

    private void conditions(Scope scope, List<Dynamics.OnCondition> conditions) {
        for (Dynamics.OnCondition condition : conditions) {
            scope.infer(condition.test(), "the OnCondition test '" + ExpressionText.of(condition.test()) + "'",
                    condition.location());
            actions(scope, condition.actions(), "OnCondition");
        }
    }

    private void actions(Scope scope, List<Dynamics.Action> actions, String block) {
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.StateAssignment assignment) {
                Dimension state = scope.states.get(assignment.variable());
                if (state == null) {
                    notAState(scope, assignment.variable(), "StateAssignment in " + block, assignment.location());
                    continue;
                }
                scope.expect(assignment.value(), state, "the StateAssignment of '" + assignment.variable() + "' in "
                        + block, "the dimension of '" + assignment.variable() + "'", assignment.location());
            }
        }
    }

    private void notAState(Scope scope, String variable, String what, SourceLocation where) {
        boolean declared = Mapped.any(scope.type.dynamics().stateVariables(), s -> s.name().equals(variable));
        if (!declared) {
            findings.add(Finding.error(Code.NOT_A_STATE, where, what + " in ComponentType '" + scope.type.name()
                    + "' names '" + variable + "', which is not a StateVariable of the type", null));
        }
    }

    private static boolean isZero(Expr expr) {
        return expr instanceof Expr.Num num && num.value() == 0.0;
    }
}
