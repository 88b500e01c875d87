package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Case;
import org.lemsbridge.experiment.DerivedVariable;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.Parameter;
import org.lemsbridge.experiment.StateVariable;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;

/**
 * Forward Euler in float64 over a TVBO model's equations as written, without LEMS: the numbers as written, time and
 * rates per {@code time_scale}, coupling inputs 0, derived quantities evaluated on demand from the previous state and
 * the new time (as jLEMS does), states with {@code boundaries} clipped after every step. A map
 * ({@code system_type: discrete}) is iterated instead: each step, every state becomes its equation's value at the
 * previous state. It shares only the SymPy
 * parser and the inlining of {@code functions} with the renderer.
 */
public final class IndependentEuler {
    private final Dynamics dynamics;
    private final Map<String, Expr> rates = new LinkedHashMap<>();
    private final Map<String, Expr> derived = new HashMap<>();
    private final Map<String, Double> constants = new HashMap<>();
    private final Map<String, Optional<StateClamp>> clamps = new HashMap<>();

    public IndependentEuler(Experiment experiment) {
        this.dynamics = experiment.dynamics();
        Map<String, String> identity = new LinkedHashMap<>();
        List<String> couplings = CouplingInputs.names(dynamics);
        dynamics.parameters().keySet().forEach(n -> identity.put(n, n));
        dynamics.derivedParameters().keySet().forEach(n -> identity.put(n, n));
        dynamics.stateVariables().keySet().forEach(n -> identity.put(n, n));
        dynamics.derivedVariables().keySet().forEach(n -> identity.put(n, n));
        couplings.forEach(n -> identity.put(n, n));
        List<ExpressionReader.FunctionSource> functions = new ArrayList<>();
        dynamics.functions().values().forEach(f -> functions.add(new ExpressionReader.FunctionSource(f.name(),
                f.arguments(), text(f.equation().rhs()))));
        ExpressionReader reader = new ExpressionReader(identity, functions);
        for (Parameter p : dynamics.parameters().values()) {
            if (p.value() != null) {
                constants.put(p.name(), p.value());
            } else {
                derived.put(p.name(), reader.read(text(p.equation().rhs())));
            }
        }
        couplings.forEach(n -> constants.put(n, 0.0));
        dynamics.derivedParameters().values().forEach(p -> derived.put(p.name(), reader.read(text(p.equation().rhs()))));
        for (DerivedVariable dv : dynamics.derivedVariables().values()) {
            derived.put(dv.name(), derivedTree(reader, dv));
        }
        for (StateVariable sv : dynamics.stateVariables().values()) {
            rates.put(sv.name(), reader.read(text(sv.equation().rhs())));
            clamps.put(sv.name(), StateClamp.of(sv));
        }
    }

    /** Rows of states (in state order) for t = 0, dt, ..., steps*dt, in the model's own numbers. */
    public List<double[]> run(double dt, int steps) {
        List<String> names = new ArrayList<>(rates.keySet());
        double[] x = new double[names.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = dynamics.stateVariables().get(names.get(i)).initialValue();
        }
        List<double[]> rows = new ArrayList<>();
        rows.add(x.clone());
        double t = 0.0;
        for (int k = 1; k <= steps; k++) {
            t += dt;
            Map<String, Double> env = new HashMap<>(constants);
            for (int i = 0; i < x.length; i++) {
                env.put(names.get(i), x[i]);
            }
            env.put("t", t);
            double[] rate = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                rate[i] = value(rates.get(names.get(i)), env);
            }
            for (int i = 0; i < x.length; i++) {
                x[i] = dynamics.isMap() ? rate[i] : x[i] + dt * rate[i];
                Optional<StateClamp> clamp = clamps.get(names.get(i));
                if (clamp.isPresent()) {
                    if (clamp.get().lo() != null && x[i] < clamp.get().lo()) {
                        x[i] = clamp.get().lo();
                    }
                    if (clamp.get().hi() != null && x[i] > clamp.get().hi()) {
                        x[i] = clamp.get().hi();
                    }
                }
            }
            rows.add(x.clone());
        }
        return rows;
    }

    private double value(Expr e, Map<String, Double> env) {
        // a model symbol wins over the constants pi and E (WilsonCowan's state E)
        return Evaluator.evaluate(e, name -> {
            Double known = env.get(name);
            if (known != null) {
                return known;
            }
            Expr tree = derived.get(name);
            if (tree == null) {
                return Evaluator.withMathConstants(unknown -> {
                    throw new IllegalStateException("unknown symbol " + unknown);
                }).applyAsDouble(name);
            }
            double v = value(tree, env);
            env.put(name, v);
            return v;
        });
    }

    private static Expr derivedTree(ExpressionReader reader, DerivedVariable dv) {
        if (dv.equation() != null && dv.equation().rhs() != null && !dv.equation().rhs().isBlank()) {
            return reader.read(text(dv.equation().rhs()));
        }
        List<Expr.Case> cases = new ArrayList<>();
        for (Case c : dv.cases()) {
            Expr condition = c.condition() == null || c.condition().isBlank() || c.condition().trim().equals("True")
                    ? new Expr.Bool(true) : reader.read(text(c.condition()));
            cases.add(new Expr.Case(reader.read(text(c.equation().rhs())), condition));
        }
        return new Expr.Piecewise(cases);
    }

    private static RhsText text(String rhs) {
        return new RhsText(rhs, SourceLocation.unknown("independent Euler"), "an expression");
    }
}
