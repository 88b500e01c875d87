package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lemsbridge.experiment.DerivedVariable;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Event;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.Parameter;
import org.lemsbridge.experiment.StateVariable;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.SympyParser;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;
import org.lemsbridge.units.UnitTable;

/**
 * The Izhikevich (2003) cell in the SI form NeuroML writes it, and {@code lemsbridge import} keeps it: v in volts,
 * constants of 1 mV and 1 ms, {@code dv/dt = (0.04 v^2/mV + 5 v + (140 - U + I) mV)/ms}, with a pulse or ramp input
 * in the form the import folds them (a weight of 1). Recognised by structure, so an imported NeuroML cell renders
 * back to the core type.
 */
final class ImportedIzhikevichForm {

    private static final Set<String> SLOTS = Set.of("V", "W", "A", "B", "C", "D", "TH", "MV", "MS", "IS", "IN",
            "AMP", "DEL", "DUR", "WGT", "BASE", "START", "FINISH");
    private static final Expr V_RATE = parse("(0.04*(V**2/MV) + 5*V + (140 - W + IS)*MV)/MS");
    private static final Expr U_RATE = parse("A*((B*(V/MV) - W)/MS)");
    private static final Expr SPIKE = parse("V > TH");
    private static final Expr RESET_V = parse("C*MV");
    private static final Expr BUMP_U = parse("W + D");
    private static final Expr SUM = parse("0 + IN");
    private static final Expr PULSE = parse("Piecewise((0, t < DEL), (WGT*AMP, (t >= DEL) & (t < DUR + DEL)), (0, True))");
    private static final Expr PULSE_FROM_ZERO = parse("Piecewise((0, t <= 0), (0, t < DEL), (WGT*AMP, (t >= DEL) "
            + "& (t < DUR + DEL)), (0, True))");
    private static final Expr RAMP = parse("Piecewise((WGT*BASE, t < DEL), (WGT*(START + (FINISH - START)*((t - DEL)"
            + "/DUR)), (t >= DEL) & (t < DUR + DEL)), (WGT*BASE, True))");
    private static final Dimension VOLTAGE = new Dimension(1, 2, -3, -1, 0, 0, 0);
    private static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    private final Dynamics dynamics;
    private final UnitTable table = UnitTable.standard();
    private final StructuralMatcher matcher = new StructuralMatcher(SLOTS);

    private ImportedIzhikevichForm(Experiment experiment) {
        this.dynamics = experiment.dynamics();
    }

    static Optional<NeuroMlRecognizer.CoreCell> recognize(Experiment experiment) {
        if (experiment.dynamics() == null || experiment.dynamics().stateVariables().size() != 2
                || experiment.dynamics().events().size() != 1) {
            return Optional.empty();
        }
        return new ImportedIzhikevichForm(experiment).run();
    }

    private Optional<NeuroMlRecognizer.CoreCell> run() {
        List<StateVariable> states = new ArrayList<>(dynamics.stateVariables().values());
        for (int order = 0; order < 2; order++) {
            StateVariable v = states.get(order);
            StateVariable u = states.get(1 - order);
            Optional<Map<String, Expr>> bound = rate(v).flatMap(r -> matcher.match(V_RATE, r,
                    Map.of("V", new Expr.Var(v.name()), "W", new Expr.Var(u.name()))));
            Map<String, Expr> afterV = bound.orElse(null);
            bound = afterV == null ? Optional.empty() : rate(u).flatMap(r -> matcher.match(U_RATE, r, afterV));
            if (bound.isEmpty()) {
                continue;
            }
            Event event = dynamics.events().values().iterator().next();
            Map<String, Expr> affect = LenientExpressions.affectAssignments(event);
            Map<String, Expr> b = bound.get();
            Optional<Map<String, Expr>> withEvent = LenientExpressions.parse(event.condition() == null ? null
                    : event.condition().rhs()).flatMap(c -> matcher.match(SPIKE, c, b));
            if (withEvent.isEmpty() || affect.size() != 2 || !affect.containsKey(v.name())
                    || !affect.containsKey(u.name())) {
                return Optional.empty();
            }
            withEvent = matcher.match(RESET_V, affect.get(v.name()), withEvent.get())
                    .flatMap(m -> matcher.match(BUMP_U, affect.get(u.name()), m));
            if (withEvent.isEmpty()) {
                return Optional.empty();
            }
            return cell(v, u, withEvent.get());
        }
        return Optional.empty();
    }

    private Optional<NeuroMlRecognizer.CoreCell> cell(StateVariable v, StateVariable u, Map<String, Expr> b) {
        Optional<Double> mv = si(b.get("MV"), VOLTAGE);
        Optional<Double> ms = si(b.get("MS"), TIME);
        Optional<Double> thresh = si(b.get("TH"), VOLTAGE);
        if (mv.isEmpty() || mv.get() != 1e-3 || ms.isEmpty() || ms.get() != 1e-3 || thresh.isEmpty()
                || v.unit() == null || u.unit() != null) {
            return Optional.empty();
        }
        Map<String, Double> plain = new LinkedHashMap<>();
        for (String slot : List.of("A", "B", "C", "D")) {
            Optional<Double> value = si(b.get(slot), Dimension.NONE);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            plain.put(slot, value.get());
        }
        double v0 = unit(v.unit()).map(unit -> unit.toSi(v.initialValue())).orElse(Double.NaN);
        double u0 = v0 * (plain.get("B") / mv.get());
        if (!(Math.abs(u.initialValue() - u0) <= 1e-9 * Math.abs(u0))) {
            return Optional.empty();
        }
        Optional<NeuroMlRecognizer.CoreInput> input = Optional.empty();
        Expr synaptic = b.get("IS");
        if (synaptic instanceof Expr.Var s && dynamics.derivedVariables().containsKey(s.name())) {
            input = input(s.name());
            if (input.isEmpty()) {
                return Optional.empty();
            }
        } else if (si(synaptic, Dimension.NONE).orElse(Double.NaN) != 0.0 || !dynamics.derivedVariables().isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("v0", voltage(v0));
        attributes.put("thresh", voltage(thresh.get()));
        attributes.put("a", NeuroMlRecognizer.number(plain.get("A")));
        attributes.put("b", NeuroMlRecognizer.number(plain.get("B")));
        attributes.put("c", NeuroMlRecognizer.number(plain.get("C")));
        attributes.put("d", NeuroMlRecognizer.number(plain.get("D")));
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put(v.name(), "v");
        recorded.put(u.name(), "U");
        return Optional.of(new NeuroMlRecognizer.CoreCell("izhikevichCell", attributes, recorded, input.orElse(null)));
    }

    /** {@code ISyn = 0 + I_input} with the input a folded pulse or ramp of weight 1. */
    private Optional<NeuroMlRecognizer.CoreInput> input(String sumName) {
        if (dynamics.derivedVariables().size() != 2) {
            return Optional.empty();
        }
        Optional<Map<String, Expr>> sum = equation(dynamics.derivedVariables().get(sumName))
                .flatMap(e -> matcher.match(SUM, e, Map.of()));
        if (sum.isEmpty() || !(sum.get().get("IN") instanceof Expr.Var in)
                || !dynamics.derivedVariables().containsKey(in.name())) {
            return Optional.empty();
        }
        Optional<Expr> value = equation(dynamics.derivedVariables().get(in.name()));
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Map<String, Expr>> pulse = matcher.match(PULSE, value.get(), Map.of())
                .or(() -> matcher.match(PULSE_FROM_ZERO, value.get(), Map.of()));
        Map<String, String> attributes = new LinkedHashMap<>();
        String tag;
        Map<String, Expr> b;
        if (pulse.isPresent()) {
            b = pulse.get();
            tag = "pulseGeneratorDL";
        } else {
            Optional<Map<String, Expr>> ramp = matcher.match(RAMP, value.get(), Map.of());
            if (ramp.isEmpty()) {
                return Optional.empty();
            }
            b = ramp.get();
            tag = "rampGeneratorDL";
        }
        Optional<String> delay = time(b.get("DEL"));
        Optional<String> duration = time(b.get("DUR"));
        if (delay.isEmpty() || duration.isEmpty() || si(b.get("WGT"), Dimension.NONE).orElse(Double.NaN) != 1.0) {
            return Optional.empty();
        }
        attributes.put("delay", delay.get());
        attributes.put("duration", duration.get());
        List<String[]> amplitudes = tag.equals("pulseGeneratorDL") ? List.<String[]>of(new String[] {"amplitude", "AMP"})
                : List.of(new String[] {"startAmplitude", "START"}, new String[] {"finishAmplitude", "FINISH"},
                        new String[] {"baselineAmplitude", "BASE"});
        for (String[] amplitude : amplitudes) {
            Optional<Double> value2 = si(b.get(amplitude[1]), Dimension.NONE);
            if (value2.isEmpty()) {
                return Optional.empty();
            }
            attributes.put(amplitude[0], NeuroMlRecognizer.number(value2.get()));
        }
        return Optional.of(new NeuroMlRecognizer.CoreInput(tag, attributes, in.name(), "I"));
    }

    /** A time parameter as written ({@code 20.0ms}). */
    private Optional<String> time(Expr e) {
        if (e instanceof Expr.Var var && dynamics.parameters().containsKey(var.name())) {
            Parameter p = dynamics.parameters().get(var.name());
            if (p.value() != null && p.unit() != null && unit(p.unit()).map(u -> u.dimension().equals(TIME)).orElse(false)) {
                return Optional.of(NeuroMlRecognizer.number(p.value()) + p.unit());
            }
        }
        return Optional.empty();
    }

    /** A voltage in mV when that is exact, otherwise in V. */
    private String voltage(double si) {
        Unit millivolt = table.resolve("mV");
        double number = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", si / 1e-3));
        return millivolt.toSi(number) == si ? NeuroMlRecognizer.number(number) + "mV" : NeuroMlRecognizer.number(si) + "V";
    }

    /** The SI value of a parameter (or number) of the given dimension. */
    private Optional<Double> si(Expr e, Dimension dimension) {
        if (e instanceof Expr.Num n) {
            return dimension.isNone() ? Optional.of(n.value()) : Optional.empty();
        }
        if (e instanceof Expr.Var var && dynamics.parameters().containsKey(var.name())) {
            Parameter p = dynamics.parameters().get(var.name());
            Optional<Unit> unit = p.unit() == null || p.unit().isBlank() ? Optional.of(Unit.NONE) : unit(p.unit());
            if (p.value() != null && unit.isPresent() && unit.get().dimension().equals(dimension)) {
                return Optional.of(unit.get().toSi(p.value()));
            }
        }
        return Optional.empty();
    }

    private Optional<Unit> unit(String symbol) {
        try {
            return Optional.of(table.resolve(symbol));
        } catch (UnitException e) {
            return Optional.empty();
        }
    }

    private Optional<Expr> rate(StateVariable sv) {
        return LenientExpressions.parse(sv.equation() == null ? null : sv.equation().rhs());
    }

    private static Optional<Expr> equation(DerivedVariable dv) {
        return LenientExpressions.parse(dv.equation() == null ? null : dv.equation().rhs());
    }

    private static Expr parse(String text) {
        return SympyParser.parse(text);
    }
}
