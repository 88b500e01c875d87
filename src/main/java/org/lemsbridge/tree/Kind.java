package org.lemsbridge.tree;

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
import org.lemsbridge.util.Mapped;

/**
 * Everything that is the same for all instances of components of one type with the same numeric values (in the
 * same order): the slot layout of its variables and its dynamics compiled with those values folded in. Such
 * components share one Kind ({@link TreeBuilder}); what differs between them (id, texts, attributes, location)
 * stays with each {@link Node}'s component. Its arrays are read, never written, by whoever runs it. The operations
 * an instance runs in every pass and step that are not expressions (folding selects, reading requirements,
 * snapshotting exposures, delivering an event) are here too, so initialisation and the steps share them.
 */
public final class Kind {

    /** A select/reduce derived variable, bound to target instances per instance. */
    public record SelectVariable(int slot, String path, String reduce, boolean required, String name) {
    }

    /**
     * A select path split at '/'; for a step {@code list[filter]}, the list name and the trimmed filter (null where
     * the step has no '[' or no room for a filter: the binder then reports it as it meets it).
     */
    public record SelectPath(String[] steps, String[] lists, String[] filters) {
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
    public interface DerivedVariables {
        void evaluate(double[] vars);
    }

    /** Computes every main-level rate into {@code out} before any state changes (simultaneous Euler). */
    @FunctionalInterface
    public interface Rates {
        void evaluate(double[] vars, double[] out);
    }

    /**
     * What a step runs for the derived variables, the rates and the OnCondition tests: the interpreter's lambdas,
     * or generated code doing the same operations in the same order (the simulator's).
     */
    public record Code(DerivedVariables derived, Rates rates, BoolOp[] tests) {
    }

    public record Regime(String name, int[] rateSlots, DoubleOp[] rates, CompiledAction[][] onEntries, BoolOp[] tests,
            CompiledAction[][] conditionActions, Map<String, CompiledAction[][]> onEvents) {
    }

    public final ComponentType type;
    /** The numeric values the expressions fold in (those of the first component built with this Kind). */
    public final Map<String, Double> values;
    public final Map<String, Integer> slots = new LinkedHashMap<>();
    public final int tSlot;
    public final int indexSlot;
    public final double[] initialVars;
    public final String[] exposureNames;
    public final int[] exposureSources;
    public final Map<String, Integer> exposureIndex = new HashMap<>();
    public final String[] requirementNames;
    public final int[] requirementSlots;
    public final SelectVariable[] selects;
    /** Each select's path, split. */
    public final SelectPath[] selectPaths;
    /** Whether each select multiplies (reduce="multiply") rather than adds. */
    public final boolean[] selectMultiply;
    /** A value of 0 for each select that finds nothing: what most instances have (never written). */
    public final double[] zeroFallbacks;
    public final ExprCompiler.Names names;
    public final org.lemsbridge.expr.Expr[] derivedExprs;
    public final org.lemsbridge.expr.Expr[] rateExprs;
    public final org.lemsbridge.expr.Expr[] conditionExprs;
    /** Each conditional derived variable as the Piecewise of its cases (a case without condition always holds). */
    public final Expr[] conditionalExprs;
    /** What the interpreter runs for the derived variables, the rates and the OnCondition tests. */
    public final Code interpreted;
    /** The name of each slot. */
    public final String[] slotNames;
    public final int[] derivedSlots;
    public final DoubleOp[] derivedOps;
    public final int[] conditionalSlots;
    public final BoolOp[][] conditionalTests;
    public final DoubleOp[][] conditionalValues;
    public final int[] rateSlots;
    public final DoubleOp[] rateOps;
    public final double[] rateScratch;
    public final CompiledAction[][] onStarts;
    public final BoolOp[] conditionTests;
    public final CompiledAction[][] conditionActions;
    public final Map<String, CompiledAction[][]> onEvents;
    public final Regime[] regimes;
    public final int initialRegime;
    /** The type's attachment sets in the order jLEMS's HashMap of them iterates. */
    public final String[] attachmentOrder;
    public final List<String> outPorts = new ArrayList<>();
    public final List<String> inPorts = new ArrayList<>();
    public final List<Dynamics.KineticScheme> kineticSchemes;
    public final String[] stateNames;
    public final int[] stateSlots;

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
        requirementNames = Mapped.filtered(Mapped.list(type.requirements(), ComponentType.Requirement::name),
                n -> !n.equals("t")).toArray(String[]::new);
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
        stateNames = Mapped.array(states, Dynamics.StateVariable::name, String[]::new);
        stateSlots = Mapped.ints(states, s -> slots.get(s.name()));

        initialVars = new double[slots.size()];
        component.values().forEach((name, value) -> initialVars[slots.get(name)] = value);
        type.properties().forEach(p -> initialVars[slots.get(p.name())] = p.defaultValue());

        exposureNames = Mapped.array(type.exposures(), ComponentType.Exposure::name, String[]::new);
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
        derivedSlots = Mapped.ints(derivedSlotList, Integer::intValue);
        derivedOps = derivedOpList.toArray(DoubleOp[]::new);
        derivedExprs = derivedExprList.toArray(org.lemsbridge.expr.Expr[]::new);

        conditionalSlots = Mapped.ints(conditional, c -> slots.get(c.name()));
        conditionalTests = new BoolOp[conditional.size()][];
        conditionalValues = new DoubleOp[conditional.size()][];
        for (int i = 0; i < conditional.size(); i++) {
            Dynamics.ConditionalDerivedVariable c = conditional.get(i);
            ExprCompiler here = compiler.at(c.location());
            conditionalTests[i] = Mapped.array(c.cases(), k -> here.condition(k.condition() == null
                    ? new Expr.Bool(true) : k.condition()), BoolOp[]::new);
            conditionalValues[i] = Mapped.array(c.cases(), k -> here.number(k.value()), DoubleOp[]::new);
        }

        conditionalExprs = Mapped.array(conditional, Kind::piecewise, Expr[]::new);

        List<Dynamics.TimeDerivative> rates = dynamics == null ? List.of() : dynamics.timeDerivatives();
        rateSlots = Mapped.ints(rates, r -> slots.get(r.variable()));
        rateOps = Mapped.array(rates, r -> compiler.at(r.location()).number(r.value()), DoubleOp[]::new);
        rateScratch = new double[rateSlots.length];
        rateExprs = Mapped.array(rates, Dynamics.TimeDerivative::value, org.lemsbridge.expr.Expr[]::new);

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
                : Mapped.array(dynamics.onStarts(), actions::compile, CompiledAction[][]::new);
        List<Dynamics.OnCondition> conditions = dynamics == null ? List.of() : dynamics.onConditions();
        conditionExprs = Mapped.array(conditions, Dynamics.OnCondition::test, org.lemsbridge.expr.Expr[]::new);
        conditionTests = Mapped.array(conditions, c -> compiler.at(c.location()).condition(c.test()), BoolOp[]::new);
        conditionActions = Mapped.array(conditions, c -> actions.compile(c.actions()), CompiledAction[][]::new);
        onEvents = eventsByPort(dynamics == null ? List.of() : dynamics.onEvents(), actions);

        regimes = new Regime[regimeList.size()];
        // with no regime marked initial, jLEMS takes the first key of its HashMap of regimes
        int initial = regimeList.isEmpty() ? -1 : regimeIndex.get(JavaHashOrder.of(Mapped.list(regimeList,
                Dynamics.Regime::name)).get(0));
        for (int i = 0; i < regimeList.size(); i++) {
            Dynamics.Regime r = regimeList.get(i);
            if (r.initial()) {
                initial = i;
            }
            regimes[i] = new Regime(r.name(),
                    Mapped.ints(r.timeDerivatives(), td -> slots.get(td.variable())),
                    Mapped.array(r.timeDerivatives(), td -> compiler.at(td.location()).number(td.value()),
                            DoubleOp[]::new),
                    Mapped.array(r.onEntries(), actions::compile, CompiledAction[][]::new),
                    Mapped.array(r.onConditions(), c -> compiler.at(c.location()).condition(c.test()),
                            BoolOp[]::new),
                    Mapped.array(r.onConditions(), c -> actions.compile(c.actions()), CompiledAction[][]::new),
                    eventsByPort(r.onEvents(), actions));
        }
        initialRegime = initial;
        List<String> attachments = new ArrayList<>();
        for (ComponentType.AttachmentsDecl set : type.attachments()) {
            attachments.add(set.name());
        }
        attachmentOrder = JavaHashOrder.of(attachments).toArray(String[]::new);
        kineticSchemes = dynamics == null ? List.of() : dynamics.kineticSchemes();
        interpreted = new Code(this::evaluateDerived, this::evaluateRates, conditionTests);
        slotNames = slots.keySet().toArray(String[]::new);
    }

    private static Expr piecewise(Dynamics.ConditionalDerivedVariable variable) {
        if (variable.cases().isEmpty()) {
            return new Expr.Num(0.0);
        }
        return new Expr.Piecewise(Mapped.list(variable.cases(), c -> new Expr.Case(c.value(),
                c.condition() == null ? new Expr.Bool(true) : c.condition())));
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

    // ---- what every pass and step does besides evaluating expressions (lems-semantics §2.3, §2.5, §3.3) ----

    /** Reads each requirement into its slot. */
    public void readRequirements(double[] vars, Ref[] requirements) {
        for (int i = 0; i < requirements.length; i++) {
            Ref ref = requirements[i];
            vars[requirementSlots[i]] = ref.array()[ref.index()];
        }
    }

    /**
     * Computes each select: a left fold from 0.0 (add) or 1.0 (multiply) over its sources in order, or its fallback
     * when the select found nothing ({@code sources[i]} null).
     */
    public void foldSelects(double[] vars, Ref[][] sources, double[] fallbacks, boolean[] multiply) {
        for (int i = 0; i < selects.length; i++) {
            Ref[] from = sources[i];
            double value;
            if (from == null) {
                value = fallbacks[i];
            } else if (multiply[i]) {
                value = 1.0;
                for (Ref source : from) {
                    value = value * source.array()[source.index()];
                }
            } else {
                value = 0.0;
                for (Ref source : from) {
                    value = value + source.array()[source.index()];
                }
            }
            vars[selects[i].slot()] = value;
        }
    }

    /** Copies each exposed variable into its exposure snapshot. */
    public void syncExposures(double[] vars, double[] exposed) {
        for (int i = 0; i < exposureSources.length; i++) {
            if (exposureSources[i] >= 0) {
                exposed[i] = vars[exposureSources[i]];
            }
        }
    }

    /**
     * Runs an event arriving at {@code port}: jLEMS runs a main-level OnEvent only in types without Regimes, and
     * then the active regime's ({@code regime} -1: none).
     */
    public void receive(String port, int regime, ActionTarget target) {
        CompiledAction[][] blocks = regimes.length > 0 ? null : onEvents.get(port);
        if (blocks != null) {
            for (CompiledAction[] block : blocks) {
                CompiledAction.runAll(block, target);
            }
        }
        if (regime >= 0) {
            CompiledAction[][] regimeBlocks = regimes[regime].onEvents().get(port);
            if (regimeBlocks != null) {
                for (CompiledAction[] block : regimeBlocks) {
                    CompiledAction.runAll(block, target);
                }
            }
        }
    }

    /** True when an event at {@code port} changes nothing: no regimes and no action on this port. */
    public boolean receivesNothing(String port) {
        if (regimes.length > 0) {
            return false;
        }
        CompiledAction[][] blocks = onEvents.get(port);
        if (blocks != null) {
            for (CompiledAction[] block : blocks) {
                if (block.length > 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Enters regime {@code index} of {@code target}: its OnEntry blocks, in order. */
    public void runOnEntries(int index, ActionTarget target) {
        for (CompiledAction[] block : regimes[index].onEntries()) {
            CompiledAction.runAll(block, target);
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

    public int slotOf(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }

    public int outPortIndex(String port) {
        return outPorts.indexOf(port);
    }
}
