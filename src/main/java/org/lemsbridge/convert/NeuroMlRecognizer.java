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

/**
 * Recognises, by the structure of its equations (never by names), an experiment whose dynamics is a NeuroML core
 * cell written out as equations, and an input derived variable that is a NeuroML pulse or ramp. Numbers in the
 * patterns must match exactly; parameter and variable names are free.
 */
final class NeuroMlRecognizer {

    /** A recognised core cell: its element tag, attributes, the YAML states it exposes and its optional input. */
    record CoreCell(String tag, Map<String, String> attributes, Map<String, String> recordedStates, CoreInput input) {
    }

    /** A recognised input: element tag, attributes, its YAML derived-variable name and NeuroML variable. */
    record CoreInput(String tag, Map<String, String> attributes, String yamlName, String variable) {
    }

    private static final Set<String> IZH_SLOTS = Set.of("V", "W", "A", "B", "C", "D", "TH", "IN");
    private static final Expr IZH_V = pattern("0.04*V**2 + 5*V + 140 - W + IN");
    private static final Expr IZH_V_NO_INPUT = pattern("0.04*V**2 + 5*V + 140 - W");
    private static final Expr IZH_U = pattern("A*(B*V - W)");
    private static final Expr IZH_SPIKE = pattern("V > TH");

    private static final Set<String> IAF_SLOTS = Set.of("V", "EL", "TAU", "TH", "RESET");
    private static final Expr IAF_V = pattern("(EL - V)/TAU");
    private static final Expr IAF_SPIKE = pattern("V > TH");

    private static final Set<String> FHN_SLOTS = Set.of("V", "W", "I", "PHI", "A", "B");
    private static final Expr FHN_V = pattern("V - V**3/3 - W + I");
    private static final Expr FHN_W = pattern("PHI*(V + A - B*W)");

    private static final Set<String> INPUT_SLOTS = Set.of("AMP", "DEL", "DUR", "BASE", "START", "FINISH");
    private static final Expr PULSE = pattern("Piecewise((AMP, (t >= DEL) & (t < DEL + DUR)), (0, True))");
    private static final Expr RAMP = pattern("Piecewise((BASE, t < DEL), (START + (FINISH - START)*((t - DEL)/DUR), "
            + "(t >= DEL) & (t < DEL + DUR)), (BASE, True))");
    private static final Expr RAMP_FLAT = pattern("Piecewise((BASE, t < DEL), (START + (FINISH - START)*(t - DEL)/DUR, "
            + "(t >= DEL) & (t < DEL + DUR)), (BASE, True))");

    private final Experiment experiment;
    private final Dynamics dynamics;
    private final List<String> reasons = new ArrayList<>();

    private NeuroMlRecognizer(Experiment experiment) {
        this.experiment = experiment;
        this.dynamics = experiment.dynamics();
    }

    /** The core cell the experiment is, or the reasons why none fits. */
    static Recognition recognize(Experiment experiment) {
        NeuroMlRecognizer recognizer = new NeuroMlRecognizer(experiment);
        Optional<CoreCell> cell = recognizer.run();
        return new Recognition(cell, recognizer.reasons);
    }

    record Recognition(Optional<CoreCell> cell, List<String> reasons) {
        Recognition {
            reasons = List.copyOf(reasons);
        }
    }

    private Optional<CoreCell> run() {
        if (dynamics == null || experiment.integration() == null) {
            reasons.add("the experiment has no dynamics or no integration");
            return Optional.empty();
        }
        if (!dynamics.functions().isEmpty() || !dynamics.derivedParameters().isEmpty()) {
            reasons.add("the dynamics has functions or derived parameters");
            return Optional.empty();
        }
        Optional<CoreCell> imported = ImportedIzhikevichForm.recognize(experiment);
        if (imported.isPresent()) {
            return imported;
        }
        Optional<CoreCell> izh = izhikevich();
        if (izh.isPresent()) {
            return izh;
        }
        Optional<CoreCell> fhn = fitzHughNagumo();
        if (fhn.isPresent()) {
            return fhn;
        }
        return leakyIntegrateAndFire();
    }

    /** Izhikevich (2003) in mV and ms: v' = 0.04 v^2 + 5 v + 140 - U + I, U' = a (b v - U), v > thresh: reset. */
    private Optional<CoreCell> izhikevich() {
        if (!"ms".equals(experiment.integration().timeScale())) {
            return fail("izhikevichCell: the Izhikevich form is per ms, but time_scale is "
                    + experiment.integration().timeScale());
        }
        if (dynamics.stateVariables().size() != 2 || dynamics.events().size() != 1) {
            return fail("izhikevichCell: needs two state variables and one event");
        }
        StructuralMatcher matcher = new StructuralMatcher(IZH_SLOTS);
        List<StateVariable> states = new ArrayList<>(dynamics.stateVariables().values());
        for (int order = 0; order < 2; order++) {
            StateVariable v = states.get(order);
            StateVariable u = states.get(1 - order);
            Map<String, Expr> start = Map.of("V", new Expr.Var(v.name()), "W", new Expr.Var(u.name()));
            Optional<Expr> vRate = LenientExpressions.parse(v.equation() == null ? null : v.equation().rhs());
            Optional<Expr> uRate = LenientExpressions.parse(u.equation() == null ? null : u.equation().rhs());
            if (vRate.isEmpty() || uRate.isEmpty()) {
                continue;
            }
            Optional<Map<String, Expr>> bound = matcher.match(IZH_V, vRate.get(), start);
            if (bound.isEmpty()) {
                bound = matcher.match(IZH_V_NO_INPUT, vRate.get(), start);
            }
            if (bound.isEmpty()) {
                continue;
            }
            bound = matcher.match(IZH_U, uRate.get(), bound.get());
            if (bound.isEmpty()) {
                continue;
            }
            Event event = dynamics.events().values().iterator().next();
            Optional<Expr> condition = LenientExpressions.parse(event.condition() == null ? null : event.condition().rhs());
            if (condition.isEmpty()) {
                return fail("izhikevichCell: the event has no readable condition");
            }
            bound = matcher.match(IZH_SPIKE, condition.get(), bound.get());
            Map<String, Expr> affect = LenientExpressions.affectAssignments(event);
            if (bound.isEmpty() || affect.size() != 2 || !affect.containsKey(v.name()) || !affect.containsKey(u.name())) {
                return fail("izhikevichCell: the event is not 'v > thresh: v = c; U = U + d'");
            }
            bound = matcher.match(pattern("C"), affect.get(v.name()), bound.get());
            if (bound.isPresent()) {
                bound = matcher.match(pattern("W + D"), affect.get(u.name()), bound.get());
            }
            if (bound.isEmpty()) {
                return fail("izhikevichCell: the event's assignments are not 'v = c; U = U + d'");
            }
            Map<String, Expr> b = bound.get();
            Optional<CoreInput> input = Optional.empty();
            if (b.containsKey("IN")) {
                input = input(b.get("IN"), "I");
                if (input.isEmpty()) {
                    return Optional.empty();
                }
            } else if (!dynamics.derivedVariables().isEmpty()) {
                return fail("izhikevichCell: derived variables other than one input are not part of the core type");
            }
            Set<String> allowed = new java.util.HashSet<>();
            for (String slot : List.of("A", "B", "C", "D", "TH")) {
                Optional<Double> value = plainValue(b.get(slot));
                if (value.isEmpty()) {
                    return fail("izhikevichCell: " + slot + " must be a dimensionless parameter or number");
                }
                if (b.get(slot) instanceof Expr.Var var) {
                    allowed.add(var.name());
                }
            }
            input.ifPresent(in -> allowed.addAll(inputParameters));
            for (String p : dynamics.parameters().keySet()) {
                if (!allowed.contains(p)) {
                    return fail("izhikevichCell: parameter '" + p + "' has no place in the core type");
                }
            }
            double v0 = v.initialValue();
            double bValue = plainValue(b.get("B")).orElseThrow();
            if (v.unit() != null || u.unit() != null || Math.abs(u.initialValue() - v0 * bValue) > 1e-9 * Math.abs(u.initialValue())) {
                return fail("izhikevichCell: the core type starts U at b*v0 = " + (v0 * bValue) + ", not "
                        + u.initialValue());
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("v0", number(v0) + "mV");
            attributes.put("thresh", number(plainValue(b.get("TH")).orElseThrow()) + "mV");
            attributes.put("a", number(plainValue(b.get("A")).orElseThrow()));
            attributes.put("b", number(bValue));
            attributes.put("c", number(plainValue(b.get("C")).orElseThrow()));
            attributes.put("d", number(plainValue(b.get("D")).orElseThrow()));
            Map<String, String> recorded = new LinkedHashMap<>();
            recorded.put(v.name(), "v");
            recorded.put(u.name(), "U");
            return Optional.of(new CoreCell("izhikevichCell", attributes, recorded, input.orElse(null)));
        }
        return fail("izhikevichCell: the rates do not have the Izhikevich (2003) form");
    }

    /**
     * FitzHugh-Nagumo: V' = V - V^3/3 - W + I, W' = phi (V + a - b W), dimensionless. Per ms it is
     * fitzHughNagumo1969Cell; per s with the classic a = 0.7, b = 0.8, phi = 0.08 starting at 0 it is
     * fitzHughNagumoCell.
     */
    private Optional<CoreCell> fitzHughNagumo() {
        if (dynamics.stateVariables().size() != 2 || !dynamics.events().isEmpty()
                || !dynamics.derivedVariables().isEmpty()) {
            return fail("FitzHugh-Nagumo: needs two state variables, no events and no inputs");
        }
        StructuralMatcher matcher = new StructuralMatcher(FHN_SLOTS);
        List<StateVariable> states = new ArrayList<>(dynamics.stateVariables().values());
        for (int order = 0; order < 2; order++) {
            StateVariable v = states.get(order);
            StateVariable w = states.get(1 - order);
            Map<String, Expr> start = Map.of("V", new Expr.Var(v.name()), "W", new Expr.Var(w.name()));
            Optional<Expr> vRate = LenientExpressions.parse(v.equation() == null ? null : v.equation().rhs());
            Optional<Expr> wRate = LenientExpressions.parse(w.equation() == null ? null : w.equation().rhs());
            if (vRate.isEmpty() || wRate.isEmpty()) {
                continue;
            }
            Optional<Map<String, Expr>> bound = matcher.match(FHN_V, vRate.get(), start)
                    .flatMap(b -> matcher.match(FHN_W, wRate.get(), b));
            if (bound.isEmpty()) {
                continue;
            }
            Map<String, Expr> b = bound.get();
            Map<String, Double> values = new LinkedHashMap<>();
            for (String slot : List.of("A", "B", "PHI", "I")) {
                Optional<Double> value = plainValue(b.get(slot));
                if (value.isEmpty()) {
                    return fail("FitzHugh-Nagumo: " + slot + " must be a dimensionless parameter or number");
                }
                values.put(slot, value.get());
            }
            if (v.unit() != null || w.unit() != null) {
                return fail("FitzHugh-Nagumo: the core types are dimensionless");
            }
            Map<String, String> recorded = new LinkedHashMap<>();
            recorded.put(v.name(), "V");
            recorded.put(w.name(), "W");
            Map<String, String> attributes = new LinkedHashMap<>();
            String timeScale = experiment.integration().timeScale();
            if ("ms".equals(timeScale)) {
                attributes.put("a", number(values.get("A")));
                attributes.put("b", number(values.get("B")));
                attributes.put("I", number(values.get("I")));
                attributes.put("phi", number(values.get("PHI")));
                attributes.put("V0", number(v.initialValue()));
                attributes.put("W0", number(w.initialValue()));
                return Optional.of(new CoreCell("fitzHughNagumo1969Cell", attributes, recorded, null));
            }
            if ("s".equals(timeScale) && values.get("A") == 0.7 && values.get("B") == 0.8 && values.get("PHI") == 0.08
                    && v.initialValue() == 0.0 && w.initialValue() == 0.0) {
                attributes.put("I", number(values.get("I")));
                return Optional.of(new CoreCell("fitzHughNagumoCell", attributes, recorded, null));
            }
            return fail("FitzHugh-Nagumo: per ms it is fitzHughNagumo1969Cell; per s only the classic a = 0.7, "
                    + "b = 0.8, phi = 0.08 from rest (fitzHughNagumoCell) is a core type");
        }
        return fail("FitzHugh-Nagumo: the rates do not have the form V - V^3/3 - W + I, phi (V + a - b W)");
    }

    /** Leaky integrate-and-fire in mV and ms without input: v' = (EL - v)/tau, v > thresh: v = reset. */
    private Optional<CoreCell> leakyIntegrateAndFire() {
        if (!"ms".equals(experiment.integration().timeScale()) || dynamics.stateVariables().size() != 1
                || dynamics.events().size() != 1 || !dynamics.derivedVariables().isEmpty()) {
            return fail("iafTauCell: needs one state variable, one event, no inputs, time_scale ms");
        }
        StateVariable v = dynamics.stateVariables().values().iterator().next();
        StructuralMatcher matcher = new StructuralMatcher(IAF_SLOTS);
        Map<String, Expr> start = Map.of("V", new Expr.Var(v.name()));
        Optional<Map<String, Expr>> bound = LenientExpressions.parse(v.equation() == null ? null : v.equation().rhs())
                .flatMap(rate -> matcher.match(IAF_V, rate, start));
        Event event = dynamics.events().values().iterator().next();
        Map<String, Expr> affect = LenientExpressions.affectAssignments(event);
        if (bound.isPresent()) {
            Map<String, Expr> rateBindings = bound.get();
            bound = LenientExpressions.parse(event.condition() == null ? null : event.condition().rhs())
                    .flatMap(c -> matcher.match(IAF_SPIKE, c, rateBindings));
        }
        if (bound.isPresent() && affect.size() == 1 && affect.containsKey(v.name())) {
            bound = matcher.match(pattern("RESET"), affect.get(v.name()), bound.get());
        } else {
            bound = Optional.empty();
        }
        if (bound.isEmpty()) {
            return fail("iafTauCell: the equations are not 'v' = (EL - v)/tau, v > thresh: v = reset'");
        }
        Map<String, Expr> b = bound.get();
        for (String slot : List.of("EL", "TAU", "TH", "RESET")) {
            if (plainValue(b.get(slot)).isEmpty()) {
                return fail("iafTauCell: " + slot + " must be a dimensionless parameter or number");
            }
        }
        double el = plainValue(b.get("EL")).orElseThrow();
        if (v.unit() != null || v.initialValue() != el) {
            return fail("iafTauCell: the core type starts v at the leak reversal " + el);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("leakReversal", number(el) + "mV");
        attributes.put("tau", number(plainValue(b.get("TAU")).orElseThrow()) + "ms");
        attributes.put("thresh", number(plainValue(b.get("TH")).orElseThrow()) + "mV");
        attributes.put("reset", number(plainValue(b.get("RESET")).orElseThrow()) + "mV");
        return Optional.of(new CoreCell("iafTauCell", attributes, Map.of(v.name(), "v"), null));
    }

    private final List<String> inputParameters = new ArrayList<>();

    /** The derived variable {@code in} as a pulseGeneratorDL or rampGeneratorDL. */
    private Optional<CoreInput> input(Expr in, String variable) {
        if (!(in instanceof Expr.Var var) || !dynamics.derivedVariables().containsKey(var.name())
                || dynamics.derivedVariables().size() != 1) {
            return fail("the input term must be the model's only derived variable");
        }
        DerivedVariable dv = dynamics.derivedVariables().get(var.name());
        Optional<Expr> value = LenientExpressions.parse(dv.equation() == null ? null : dv.equation().rhs());
        if (value.isEmpty() || dv.unit() != null) {
            return fail("input '" + var.name() + "' is not a dimensionless equation");
        }
        StructuralMatcher matcher = new StructuralMatcher(INPUT_SLOTS);
        Optional<Map<String, Expr>> pulse = matcher.match(PULSE, value.get(), Map.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        if (pulse.isPresent()) {
            Map<String, Expr> b = pulse.get();
            Optional<String> delay = time(b.get("DEL"));
            Optional<String> duration = time(b.get("DUR"));
            Optional<Double> amplitude = plainValue(b.get("AMP"));
            if (delay.isEmpty() || duration.isEmpty() || amplitude.isEmpty()) {
                return fail("pulseGeneratorDL: delay and duration must be times, the amplitude dimensionless");
            }
            attributes.put("delay", delay.get());
            attributes.put("duration", duration.get());
            attributes.put("amplitude", number(amplitude.get()));
            noteParameters(b);
            return Optional.of(new CoreInput("pulseGeneratorDL", attributes, var.name(), variable));
        }
        Optional<Map<String, Expr>> ramp = matcher.match(RAMP, value.get(), Map.of())
                .or(() -> matcher.match(RAMP_FLAT, value.get(), Map.of()));
        if (ramp.isPresent()) {
            Map<String, Expr> b = ramp.get();
            Optional<String> delay = time(b.get("DEL"));
            Optional<String> duration = time(b.get("DUR"));
            if (delay.isEmpty() || duration.isEmpty() || plainValue(b.get("START")).isEmpty()
                    || plainValue(b.get("FINISH")).isEmpty() || plainValue(b.get("BASE")).isEmpty()) {
                return fail("rampGeneratorDL: delay and duration must be times, the amplitudes dimensionless");
            }
            attributes.put("delay", delay.get());
            attributes.put("duration", duration.get());
            attributes.put("startAmplitude", number(plainValue(b.get("START")).orElseThrow()));
            attributes.put("finishAmplitude", number(plainValue(b.get("FINISH")).orElseThrow()));
            attributes.put("baselineAmplitude", number(plainValue(b.get("BASE")).orElseThrow()));
            noteParameters(b);
            return Optional.of(new CoreInput("rampGeneratorDL", attributes, var.name(), variable));
        }
        return fail("input '" + var.name() + "' is neither a pulse nor a ramp Piecewise");
    }

    private void noteParameters(Map<String, Expr> bindings) {
        bindings.values().forEach(e -> {
            if (e instanceof Expr.Var v) {
                inputParameters.add(v.name());
            }
        });
    }

    /** A dimensionless parameter's value, or a number. */
    private Optional<Double> plainValue(Expr e) {
        if (e instanceof Expr.Num n) {
            return Optional.of(n.value());
        }
        if (e instanceof Expr.Var v && dynamics.parameters().containsKey(v.name())) {
            Parameter p = dynamics.parameters().get(v.name());
            if (p.value() != null && (p.unit() == null || p.unit().isBlank() || p.unit().equals("dimensionless"))) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** A time compared with t: a parameter with a time unit, or a bare number or parameter, which is in seconds. */
    private Optional<String> time(Expr e) {
        Optional<Double> plain = plainValue(e);
        if (plain.isPresent()) {
            return Optional.of(number(plain.get()) + "s");
        }
        if (e instanceof Expr.Var v && dynamics.parameters().containsKey(v.name())) {
            Parameter p = dynamics.parameters().get(v.name());
            if (p.value() != null && Set.of("s", "ms", "us").contains(p.unit())) {
                return Optional.of(number(p.value()) + p.unit());
            }
        }
        return Optional.empty();
    }

    private static Expr pattern(String text) {
        return SympyParser.parse(text);
    }

    private <T> Optional<T> fail(String reason) {
        reasons.add(reason);
        return Optional.empty();
    }

    static String number(double value) {
        return Double.toString(value);
    }
}
