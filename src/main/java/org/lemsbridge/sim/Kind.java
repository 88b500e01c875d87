package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.lemsbridge.expr.Expr;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;

/**
 * Everything that is the same for all instances of components of one type with the same numeric values (in the
 * same order): the slot layout of its variables and its dynamics compiled with those values folded in. Such
 * components share one Kind ({@link TreeBuilder}); what differs between them (id, texts, attributes, location)
 * stays with each {@link Instance}'s component.
 */
final class Kind {

    /** A select/reduce derived variable, bound to target instances per instance. */
    record SelectVariable(int slot, String path, String reduce, boolean required, String name) {
    }

    /**
     * A select path split at '/'; for a step {@code list[filter]}, the list name and the trimmed filter (null where
     * the step has no '[' or no room for a filter: the binder then reports it as it meets it).
     */
    record SelectPath(String[] steps, String[] lists, String[] filters) {
        static SelectPath of(String path) {
            String[] steps = path.split("/");
            String[] lists = new String[steps.length];
            String[] filters = new String[steps.length];
            for (int s = 0; s < steps.length; s++) {
                String step = steps[s];
                int bracket = step.indexOf('[');
                if (bracket >= 0 && bracket + 1 <= step.length() - 1) {
                    lists[s] = step.substring(0, bracket);
                    filters[s] = step.substring(bracket + 1, step.length() - 1).trim();
                }
            }
            return new SelectPath(steps, lists, filters);
        }
    }

    /** Computes the plain derived variables (document order), then the conditional ones, in place. */
    @FunctionalInterface
    interface DerivedVariables {
        void evaluate(double[] vars);
    }

    /** Computes every main-level rate into {@code out} before any state changes (simultaneous Euler). */
    @FunctionalInterface
    interface Rates {
        void evaluate(double[] vars, double[] out);
    }

    /**
     * What a step runs for the derived variables, the rates and the OnCondition tests: the interpreter's lambdas,
     * or generated code doing the same operations in the same order ({@link KindKernels}).
     */
    record Code(DerivedVariables derived, Rates rates, BoolOp[] tests) {
    }

    record Regime(String name, int[] rateSlots, DoubleOp[] rates, CompiledAction[][] onEntries, BoolOp[] tests,
            CompiledAction[][] conditionActions, Map<String, CompiledAction[][]> onEvents) {
    }

    final ComponentType type;
    /** The numeric values the expressions fold in (those of the first component built with this Kind). */
    final Map<String, Double> values;
    final Map<String, Integer> slots = new LinkedHashMap<>();
    final int tSlot;
    final int indexSlot;
    final double[] initialVars;
    final String[] exposureNames;
    final int[] exposureSources;
    final Map<String, Integer> exposureIndex = new HashMap<>();
    final String[] requirementNames;
    final int[] requirementSlots;
    final SelectVariable[] selects;
    /** Each select's path, split. */
    final SelectPath[] selectPaths;
    /** Whether each select multiplies (reduce="multiply") rather than adds. */
    final boolean[] selectMultiply;
    /** A value of 0 for each select that finds nothing: what most instances have (never written). */
    final double[] zeroFallbacks;
    final ExprCompiler.Names names;
    final org.lemsbridge.expr.Expr[] derivedExprs;
    @SuppressWarnings("unchecked")
    final List<Dynamics.Case>[] conditionalCases;
    final org.lemsbridge.expr.Expr[] rateExprs;
    final org.lemsbridge.expr.Expr[] conditionExprs;
    /** Each conditional derived variable as the Piecewise of its cases (a case without condition always holds). */
    final Expr[] conditionalExprs;
    /** What steps run: the lambdas below until generated code replaces them, once, before the first step. */
    Code code;
    final int[] derivedSlots;
    final DoubleOp[] derivedOps;
    final int[] conditionalSlots;
    final BoolOp[][] conditionalTests;
    final DoubleOp[][] conditionalValues;
    final int[] rateSlots;
    final DoubleOp[] rateOps;
    final double[] rateScratch;
    final CompiledAction[][] onStarts;
    final BoolOp[] conditionTests;
    final CompiledAction[][] conditionActions;
    final Map<String, CompiledAction[][]> onEvents;
    final Regime[] regimes;
    final int initialRegime;
    /** The type's attachment sets in the order jLEMS's HashMap of them iterates. */
    final String[] attachmentOrder;
    final List<String> outPorts = new ArrayList<>();
    final List<String> inPorts = new ArrayList<>();
    final List<Dynamics.KineticScheme> kineticSchemes;
    final String[] stateNames;
    final int[] stateSlots;

    /**
     * Compiles the kind of {@code component}; compile errors name it. The result depends only on its type, its
     * values and the model's global constants (see {@link #sameKind}).
     */
    Kind(Component component, LemsModel model, Random random) {
        this.type = component.type();
        this.values = component.values();
        Dynamics dynamics = type.dynamics();
        tSlot = slot("t");
        for (String name : component.values().keySet()) {
            slot(name);
        }
        for (ComponentType.Property property : type.properties()) {
            slot(property.name());
        }
        requirementNames = type.requirements().stream().map(ComponentType.Requirement::name)
                .filter(n -> !n.equals("t")).toArray(String[]::new);
        requirementSlots = new int[requirementNames.length];
        for (int i = 0; i < requirementNames.length; i++) {
            requirementSlots[i] = slot(requirementNames[i]);
        }
        indexSlot = slot("index");
        List<Dynamics.StateVariable> states = dynamics == null ? List.of() : dynamics.stateVariables();
        List<Dynamics.DerivedVariable> derived = dynamics == null ? List.of() : dynamics.derivedVariables();
        List<Dynamics.ConditionalDerivedVariable> conditional = dynamics == null ? List.of()
                : dynamics.conditionalDerivedVariables();
        states.forEach(s -> slot(s.name()));
        derived.forEach(d -> slot(d.name()));
        conditional.forEach(c -> slot(c.name()));
        if (dynamics != null) {
            dynamics.onStarts().forEach(this::slotsForAssignments);
            dynamics.onConditions().forEach(c -> slotsForAssignments(c.actions()));
            dynamics.onEvents().forEach(e -> slotsForAssignments(e.actions()));
            for (Dynamics.Regime regime : dynamics.regimes()) {
                regime.timeDerivatives().forEach(td -> slot(td.variable()));
                regime.onEntries().forEach(this::slotsForAssignments);
                regime.onConditions().forEach(c -> slotsForAssignments(c.actions()));
                regime.onEvents().forEach(e -> slotsForAssignments(e.actions()));
            }
            dynamics.timeDerivatives().forEach(td -> slot(td.variable()));
        }
        stateNames = states.stream().map(Dynamics.StateVariable::name).toArray(String[]::new);
        stateSlots = states.stream().mapToInt(s -> slots.get(s.name())).toArray();

        initialVars = new double[slots.size()];
        component.values().forEach((name, value) -> initialVars[slots.get(name)] = value);
        type.properties().forEach(p -> initialVars[slots.get(p.name())] = p.defaultValue());

        exposureNames = type.exposures().stream().map(ComponentType.Exposure::name).toArray(String[]::new);
        exposureSources = new int[exposureNames.length];
        for (int i = 0; i < exposureNames.length; i++) {
            exposureIndex.put(exposureNames[i], i);
            exposureSources[i] = -1;
        }
        for (Dynamics.StateVariable s : states) {
            mapExposure(s.name(), s.exposure());
        }
        for (Dynamics.DerivedVariable d : derived) {
            mapExposure(d.name(), d.exposure());
        }
        for (Dynamics.ConditionalDerivedVariable c : conditional) {
            mapExposure(c.name(), c.exposure());
        }

        names = new ExprCompiler.Names() {
            @Override
            public int slot(String name) {
                if (values.containsKey(name)) {
                    return -1;
                }
                Integer slot = slots.get(name);
                return slot == null ? -1 : slot;
            }

            @Override
            public Double constant(String name) {
                Double value = values.get(name);
                return value != null ? value : model.globalConstants().get(name);
            }
        };
        ExprCompiler compiler = new ExprCompiler(names, random, component.location(), component.describe());

        List<SelectVariable> selectList = new ArrayList<>();
        List<Integer> derivedSlotList = new ArrayList<>();
        List<DoubleOp> derivedOpList = new ArrayList<>();
        List<org.lemsbridge.expr.Expr> derivedExprList = new ArrayList<>();
        for (Dynamics.DerivedVariable d : derived) {
            if (d.isSelect()) {
                selectList.add(new SelectVariable(slots.get(d.name()), d.select(), d.reduce(), d.required(), d.name()));
            } else if (d.value() != null) {
                derivedSlotList.add(slots.get(d.name()));
                derivedOpList.add(compiler.at(d.location()).number(d.value()));
                derivedExprList.add(d.value());
            }
        }
        selects = selectList.toArray(SelectVariable[]::new);
        selectPaths = new SelectPath[selects.length];
        selectMultiply = new boolean[selects.length];
        for (int i = 0; i < selects.length; i++) {
            selectPaths[i] = SelectPath.of(selects[i].path());
            selectMultiply[i] = "multiply".equals(selects[i].reduce());
        }
        zeroFallbacks = new double[selects.length];
        derivedSlots = derivedSlotList.stream().mapToInt(Integer::intValue).toArray();
        derivedOps = derivedOpList.toArray(DoubleOp[]::new);
        derivedExprs = derivedExprList.toArray(org.lemsbridge.expr.Expr[]::new);
        conditionalCases = conditional.stream().map(Dynamics.ConditionalDerivedVariable::cases).toArray(List[]::new);

        conditionalSlots = conditional.stream().mapToInt(c -> slots.get(c.name())).toArray();
        conditionalTests = new BoolOp[conditional.size()][];
        conditionalValues = new DoubleOp[conditional.size()][];
        for (int i = 0; i < conditional.size(); i++) {
            Dynamics.ConditionalDerivedVariable c = conditional.get(i);
            ExprCompiler here = compiler.at(c.location());
            conditionalTests[i] = c.cases().stream().map(k -> here.condition(k.condition() == null
                    ? new Expr.Bool(true) : k.condition())).toArray(BoolOp[]::new);
            conditionalValues[i] = c.cases().stream().map(k -> here.number(k.value())).toArray(DoubleOp[]::new);
        }

        conditionalExprs = conditional.stream().map(Kind::piecewise).toArray(Expr[]::new);

        List<Dynamics.TimeDerivative> rates = dynamics == null ? List.of() : dynamics.timeDerivatives();
        rateSlots = rates.stream().mapToInt(r -> slots.get(r.variable())).toArray();
        rateOps = rates.stream().map(r -> compiler.at(r.location()).number(r.value())).toArray(DoubleOp[]::new);
        rateScratch = new double[rateSlots.length];
        rateExprs = rates.stream().map(Dynamics.TimeDerivative::value).toArray(org.lemsbridge.expr.Expr[]::new);

        if (dynamics != null) {
            for (Dynamics.OnCondition c : dynamics.onConditions()) {
                collectPorts(c.actions());
            }
            dynamics.onStarts().forEach(this::collectPorts);
            dynamics.onEvents().forEach(e -> collectPorts(e.actions()));
            dynamics.regimes().forEach(r -> {
                r.onConditions().forEach(c -> collectPorts(c.actions()));
                r.onEvents().forEach(e -> collectPorts(e.actions()));
                r.onEntries().forEach(this::collectPorts);
            });
        }
        for (ComponentType.EventPort port : type.eventPorts()) {
            if (port.isIn()) {
                inPorts.add(port.name());
            }
        }

        List<Dynamics.Regime> regimeList = dynamics == null ? List.of() : dynamics.regimes();
        Map<String, Integer> regimeIndex = new HashMap<>();
        for (int i = 0; i < regimeList.size(); i++) {
            regimeIndex.put(regimeList.get(i).name(), i);
        }
        ActionCompiler actions = new ActionCompiler(compiler, slots, outPorts, regimeIndex, component.describe());
        onStarts = dynamics == null ? new CompiledAction[0][]
                : dynamics.onStarts().stream().map(actions::compile).toArray(CompiledAction[][]::new);
        List<Dynamics.OnCondition> conditions = dynamics == null ? List.of() : dynamics.onConditions();
        conditionExprs = conditions.stream().map(Dynamics.OnCondition::test).toArray(org.lemsbridge.expr.Expr[]::new);
        conditionTests = conditions.stream().map(c -> compiler.at(c.location()).condition(c.test())).toArray(BoolOp[]::new);
        conditionActions = conditions.stream().map(c -> actions.compile(c.actions())).toArray(CompiledAction[][]::new);
        onEvents = eventsByPort(dynamics == null ? List.of() : dynamics.onEvents(), actions);

        regimes = new Regime[regimeList.size()];
        // with no regime marked initial, jLEMS takes the first key of its HashMap of regimes
        int initial = regimeList.isEmpty() ? -1 : regimeIndex.get(JavaHashOrder.of(regimeList.stream()
                .map(Dynamics.Regime::name).toList()).get(0));
        for (int i = 0; i < regimeList.size(); i++) {
            Dynamics.Regime r = regimeList.get(i);
            if (r.initial()) {
                initial = i;
            }
            regimes[i] = new Regime(r.name(),
                    r.timeDerivatives().stream().mapToInt(td -> slots.get(td.variable())).toArray(),
                    r.timeDerivatives().stream().map(td -> compiler.at(td.location()).number(td.value()))
                            .toArray(DoubleOp[]::new),
                    r.onEntries().stream().map(actions::compile).toArray(CompiledAction[][]::new),
                    r.onConditions().stream().map(c -> compiler.at(c.location()).condition(c.test()))
                            .toArray(BoolOp[]::new),
                    r.onConditions().stream().map(c -> actions.compile(c.actions())).toArray(CompiledAction[][]::new),
                    eventsByPort(r.onEvents(), actions));
        }
        initialRegime = initial;
        List<String> attachments = new ArrayList<>();
        for (ComponentType.AttachmentsDecl set : type.attachments()) {
            attachments.add(set.name());
        }
        attachmentOrder = JavaHashOrder.of(attachments).toArray(String[]::new);
        kineticSchemes = dynamics == null ? List.of() : dynamics.kineticSchemes();
        code = new Code(this::evaluateDerived, this::evaluateRates, conditionTests);
    }

    private static Expr piecewise(Dynamics.ConditionalDerivedVariable variable) {
        if (variable.cases().isEmpty()) {
            return new Expr.Num(0.0);
        }
        return new Expr.Piecewise(variable.cases().stream().map(c -> new Expr.Case(c.value(),
                c.condition() == null ? new Expr.Bool(true) : c.condition())).toList());
    }

    private void evaluateDerived(double[] v) {
        for (int i = 0; i < derivedSlots.length; i++) {
            v[derivedSlots[i]] = derivedOps[i].eval(v);
        }
        for (int i = 0; i < conditionalSlots.length; i++) {
            BoolOp[] cases = conditionalTests[i];
            double value = 0.0;
            for (int c = 0; c < cases.length; c++) {
                if (cases[c].test(v)) {
                    value = conditionalValues[i][c].eval(v);
                    break;
                }
            }
            v[conditionalSlots[i]] = value;
        }
    }

    private void evaluateRates(double[] v, double[] out) {
        for (int i = 0; i < rateOps.length; i++) {
            out[i] = rateOps[i].eval(v);
        }
    }

    /**
     * Whether a Kind compiled for {@code a} is exactly the one {@code b} would get: the same type and the same
     * values in the same order (Double equality, so -0.0 and 0.0 differ as their folded constants would).
     */
    static boolean sameKind(Component a, Component b) {
        return a.type() == b.type() && sameInOrder(a.values(), b.values());
    }

    static boolean sameInOrder(Map<String, Double> a, Map<String, Double> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        var left = a.entrySet().iterator();
        var right = b.entrySet().iterator();
        while (left.hasNext()) {
            Map.Entry<String, Double> x = left.next();
            Map.Entry<String, Double> y = right.next();
            if (!x.getKey().equals(y.getKey()) || !java.util.Objects.equals(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, CompiledAction[][]> eventsByPort(List<Dynamics.OnEvent> events, ActionCompiler actions) {
        Map<String, List<CompiledAction[]>> grouped = new LinkedHashMap<>();
        for (Dynamics.OnEvent event : events) {
            grouped.computeIfAbsent(event.port(), p -> new ArrayList<>()).add(actions.compile(event.actions()));
        }
        Map<String, CompiledAction[][]> result = new HashMap<>();
        grouped.forEach((port, blocks) -> result.put(port, blocks.toArray(CompiledAction[][]::new)));
        return result;
    }

    private void collectPorts(List<Dynamics.Action> actions) {
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.EventOut out && !outPorts.contains(out.port())) {
                outPorts.add(out.port());
            }
        }
    }

    private void slotsForAssignments(List<Dynamics.Action> actions) {
        for (Dynamics.Action action : actions) {
            if (action instanceof Dynamics.StateAssignment assignment && !values.containsKey(
                    assignment.variable())) {
                slot(assignment.variable());
            }
        }
    }

    private void mapExposure(String variable, String exposure) {
        int slot = slots.get(variable);
        if (exposure != null) {
            Integer index = exposureIndex.get(exposure);
            if (index != null) {
                exposureSources[index] = slot;
            }
        }
        Integer loose = exposureIndex.get(variable);
        if (loose != null && exposureSources[loose] < 0) {
            exposureSources[loose] = slot;
        }
    }

    private int slot(String name) {
        return slots.computeIfAbsent(name, n -> slots.size());
    }

    int slotOf(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    int outPortIndex(String port) {
        return outPorts.indexOf(port);
    }
}
