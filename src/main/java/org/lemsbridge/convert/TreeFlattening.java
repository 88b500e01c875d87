package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import static org.lemsbridge.convert.MemberTree.dynamics;
import static org.lemsbridge.convert.MemberTree.exposureSource;
import static org.lemsbridge.convert.MemberTree.initialValue;
import static org.lemsbridge.convert.MemberTree.isConstant;
import static org.lemsbridge.convert.MemberTree.isDerived;
import static org.lemsbridge.convert.MemberTree.isRequirement;
import static org.lemsbridge.convert.MemberTree.isState;
import static org.lemsbridge.convert.MemberTree.type;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.tree.Node;
import org.lemsbridge.tree.Read;
import org.lemsbridge.units.Dimension;

/**
 * Flattens the instances below a cell (channel populations, ion channels, gates, rates, ...) into variables of the
 * cell's experiment, so that the flat model computes every value jLEMS computes, from the same operands, with the
 * same expression trees (lems-semantics §2.2, §2.3, §3.4, §3.5):
 * <ul>
 * <li>each instance's parameters, state variables and derived variables become prefixed variables
 * ({@code na_m_q}, {@code na_m_forwardRate_r}); a time derivative keeps its tree;</li>
 * <li>a select becomes the same left fold (from 0 for add and plain paths, from 1 for multiply) over the targets in
 * jLEMS's order; children step before their parent, so the parent reads their derived values of the same step,
 * which is what the flat derived variables give, and their state variables after their update: {@code x + (dt *
 * rate)} with the integration step, then the child's OnConditions in order, as Piecewise;</li>
 * <li>an OnCondition of an instance (state assignments only) becomes an event of the flat model, which runs after
 * the update as jLEMS runs it after the instance's own; what it reads through a Requirement is taken at the start
 * of the step;</li>
 * <li>a Requirement reads what jLEMS's lookup finds above the instance, as it was at the end of the previous step,
 * since ancestors step after it: a state variable (its start-of-step value), a fixed value, a derived variable
 * (its previous-step value, kept in a {@code _prev} state), or the ancestor's own requirement slot, which holds
 * what the ancestor read at its previous step. The last makes chains: an HH rate reads v through the ion
 * channel's and the channel population's slots, so it sees v from three rows back. Each such slot becomes a state
 * variable with no rate that an always-true event sets, after the update, to what the instance read in the step
 * (a {@code _next} derived variable computed at the start of the step);</li>
 * <li>initial values are the instances' values after the instance tree's initialisation (§3.3), the very one the
 * simulator runs.</li>
 * </ul>
 */
final class TreeFlattening {

    /** A flat state variable: its rate (null for none), unit dimension, initial SI value and LEMS quantity. */
    record FlatState(String name, Expr rate, Dimension dimension, double initial, String quantity) {
    }

    /** A flat derived variable: its value in flat names and its dimension; {@code recorded} adds it to the output. */
    record FlatDerived(String name, Expr value, Dimension dimension, String quantity, boolean recorded) {
    }

    /** A flat parameter: the fixed quantity and a note on where it came from. */
    record FlatParameter(String name, ComponentConstants.Entry entry, String owner) {
    }

    /** An OnCondition of an instance below the cell, in flat names: its test and its assignments in order. */
    record FlatEvent(String name, Expr test, List<Map.Entry<String, Expr>> assignments) {
    }

    /** What the flattening has named for one instance: its variables, rates, and the values it derived. */
    private record Names(Map<String, String> variables, Map<String, String> rates, Map<String, Expr> updated,
            Map<String, Expr> readInEvents, Map<String, Expr> constants, Map<String, Expr> slotCopies,
            Map<String, Expr> lagged) {
        Names() {
            this(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>(),
                    new HashMap<>());
        }
    }

    private final MemberTree tree;
    private final LemsModel model;
    private final Set<String> taken;
    private final Function<String, String> rootName;
    private final String quantityPrefix;
    /** The integration step as a fixed quantity (jLEMS's dt), for values a parent reads after a child's update. */
    private final ComponentConstants.Entry step;

    private final Map<String, FlatParameter> parameters = new LinkedHashMap<>();
    private final Map<String, FlatState> states = new LinkedHashMap<>();
    private final Map<String, FlatDerived> derived = new LinkedHashMap<>();
    /** Assignments of the always-true event, target to value, run after the update in this order. */
    private final Map<String, Expr> copies = new LinkedHashMap<>();
    private final Set<String> rootConstantsRead = new java.util.LinkedHashSet<>();
    /** Flat names that stand for fixed values. */
    private final Set<String> fixedNames = new java.util.HashSet<>();

    private final Map<String, Expr> rootSelects = new HashMap<>();
    private final Map<String, FlatEvent> events = new LinkedHashMap<>();
    private final Map<Node, Names> names = new IdentityHashMap<>();
    private String stepName;

    private TreeFlattening(MemberTree tree, LemsModel model, Set<String> taken, Function<String, String> rootName,
            String quantityPrefix, ComponentConstants.Entry step) {
        this.tree = tree;
        this.model = model;
        this.taken = taken;
        this.rootName = rootName;
        this.quantityPrefix = quantityPrefix;
        this.step = step;
    }

    /**
     * Flattens every instance below the cell, whose tree has been initialised. {@code taken}: names in use
     * (extended here); {@code rootName}: the flat name of a cell variable; {@code step}: the integration step as
     * the experiment writes it (null when unknown).
     */
    static TreeFlattening of(MemberTree tree, LemsModel model, Set<String> taken, Function<String, String> rootName,
            String quantityPrefix, ComponentConstants.Entry step) {
        TreeFlattening flat = new TreeFlattening(tree, model, taken, rootName, quantityPrefix, step);
        flat.run();
        return flat;
    }

    MemberTree tree() {
        return tree;
    }

    private Names names(Node node) {
        return names.computeIfAbsent(node, n -> new Names());
    }

    Map<String, FlatParameter> parameters() {
        return parameters;
    }

    Map<String, FlatState> states() {
        return states;
    }

    Map<String, FlatDerived> derived() {
        return derived;
    }

    Map<String, Expr> copies() {
        return copies;
    }

    /** The OnConditions of the instances below the cell, to run after the update and before the copies. */
    Map<String, FlatEvent> events() {
        return events;
    }

    /** Cell constants the instances below read (the cell must keep them as parameters). */
    Set<String> rootConstantsRead() {
        return rootConstantsRead;
    }

    /** The flat value of one of the cell's selects over its children (flat names). */
    Expr rootSelect(Dynamics.DerivedVariable dv) {
        return rootSelects.get(dv.name());
    }

    private void run() {
        tree.descendants().forEach(this::refuseUnsupported);
        Node root = tree.root();
        for (Dynamics.DerivedVariable dv : MemberTree.derived(root)) {
            if (dv.isSelect() && !MemberTree.startsAtAttachments(root, dv.select())) {
                rootSelects.put(dv.name(), select(root, dv, "cell " + root.component().describe()));
            }
        }
        for (Node node : tree.descendants()) {
            flatten(node);
        }
    }

    /**
     * What an instance below the cell must not have: events out, regime changes, regimes, kinetic schemes, RK4, and
     * random OnStart values.
     */
    private void refuseUnsupported(Node node) {
        Dynamics dyn = dynamics(node);
        String what = tree.describe(node);
        if (dyn == null) {
            return;
        }
        FlatteningLimits.refuseRandomStarts(dyn.onStarts(), what);
        for (Dynamics.OnCondition on : dyn.onConditions()) {
            for (Dynamics.Action action : on.actions()) {
                if (!(action instanceof Dynamics.StateAssignment)) {
                    throw new BadInputException(on.location(), what + " sends events or changes regime in an "
                            + "OnCondition; below the cell only state assignments are imported");
                }
            }
        }
        if (dyn.onEvents().stream().anyMatch(e -> !e.actions().isEmpty())) {
            throw new BadInputException(node.component().location(), what + " changes its state on events, which is not imported");
        }
        if (!dyn.regimes().isEmpty()) {
            throw new BadInputException(node.component().location(), what + " has regimes; below the cell they are not imported");
        }
        if (!dyn.kineticSchemes().isEmpty()) {
            throw new BadInputException(node.component().location(), what + " has a kinetic scheme, which is not "
                    + "imported", "type " + type(node).name() + " at " + type(node).location());
        }
        if (dyn.simultaneous()) {
            throw new BadInputException(node.component().location(), what + " asks for simultaneous (RK4) updates");
        }
    }

    private void flatten(Node node) {
        String what = tree.describe(node);
        Dynamics dyn = dynamics(node);
        if (dyn == null) {
            return;
        }
        FlatteningLimits.refuseLateReads(dyn, what);
        boolean declaresT = isState(node, "t") || isDerived(node, "t");
        List<Expr> expressions = new ArrayList<>();
        dyn.timeDerivatives().forEach(td -> expressions.add(td.value()));
        dyn.derivedVariables().stream().filter(dv -> !dv.isSelect()).forEach(dv -> expressions.add(dv.value()));
        dyn.conditionalDerivedVariables().forEach(c -> c.cases().forEach(k -> {
            expressions.add(k.value());
            if (k.condition() != null) {
                expressions.add(k.condition());
            }
        }));
        dyn.onConditions().forEach(on -> {
            expressions.add(on.test());
            on.actions().forEach(a -> expressions.add(((Dynamics.StateAssignment) a).value()));
        });
        if (declaresT && expressions.stream().anyMatch(e -> Exprs.freeSymbols(e).contains("t"))) {
            throw new BadInputException(node.component().location(), what + " declares a variable 't' and also reads 't'; "
                    + "which one jLEMS gives depends on the order of evaluation, so it is not imported");
        }
        Map<String, Expr> rates = new HashMap<>();
        for (Dynamics.TimeDerivative td : dyn.timeDerivatives()) {
            if (!isState(node, td.variable())) {
                throw new BadInputException(td.location(), what + ": TimeDerivative of '" + td.variable()
                        + "', which is not a state variable");
            }
            rates.put(td.variable(), local(node, td.value(), what));
        }
        for (Dynamics.StateVariable sv : dyn.stateVariables()) {
            Dimension dimension = ComponentConstants.dimension(model, sv.dimension(), node.component());
            Expr rate = rates.get(sv.name()); // none: the rate 0, which the renderer writes as no TimeDerivative
            String name = flatName(node, sv.name());
            String rateName = names(node).rates().get(sv.name());
            states.put(name, new FlatState(name, rateName != null ? new Expr.Var(rateName) : rate, dimension,
                    initial(node, sv.name(), what), quantity(node, sv.name())));
        }
        for (Dynamics.DerivedVariable dv : dyn.derivedVariables()) {
            Dimension dimension = ComponentConstants.dimension(model, dv.dimension(), node.component());
            Expr value = dv.isSelect() ? select(node, dv, what) : local(node, dv.value(), what);
            addDerived(node, dv.name(), value, dimension);
        }
        for (Dynamics.ConditionalDerivedVariable cdv : dyn.conditionalDerivedVariables()) {
            Dimension dimension = ComponentConstants.dimension(model, cdv.dimension(), node.component());
            List<Expr.Case> cases = new ArrayList<>();
            boolean hasDefault = false;
            for (Dynamics.Case c : cdv.cases()) {
                hasDefault |= c.condition() == null;
                cases.add(new Expr.Case(local(node, c.value(), what), c.condition() == null ? new Expr.Bool(true)
                        : local(node, c.condition(), what)));
                if (hasDefault) {
                    break;
                }
            }
            if (!hasDefault) {
                cases.add(new Expr.Case(new Expr.Num(0.0), new Expr.Bool(true)));
            }
            addDerived(node, cdv.name(), cases.size() == 1 ? cases.get(0).value() : new Expr.Piecewise(cases),
                    dimension);
        }
        int index = 0;
        for (Dynamics.OnCondition on : dyn.onConditions()) {
            index++;
            List<Map.Entry<String, Expr>> assignments = new ArrayList<>();
            for (Dynamics.Action action : on.actions()) {
                Dynamics.StateAssignment a = (Dynamics.StateAssignment) action;
                if (!isState(node, a.variable())) {
                    throw new BadInputException(a.location(), what + " assigns '" + a.variable() + "', which is not "
                            + "one of its state variables");
                }
                assignments.add(Map.entry(flatName(node, a.variable()), inEvent(node, a.value(), what)));
            }
            String name = unique(tree.prefix(node) + "_condition_" + index);
            events.put(name, new FlatEvent(name, inEvent(node, on.test(), what), assignments));
        }
    }

    /**
     * An expression of an OnCondition of {@code node}: it runs after the update, when the instance's own state
     * variables hold their new values and its derived variables and requirement slots those of the start of the
     * step; a requirement that is not fixed is read through a derived variable (computed at the start).
     */
    private Expr inEvent(Node node, Expr e, String what) {
        Map<String, Expr> replacements = new HashMap<>();
        for (String symbol : Exprs.freeSymbols(e)) {
            if (symbol.equals("t") && !isState(node, "t") && !isDerived(node, "t")) {
                continue;
            }
            if (!isConstant(node, symbol) && isRequirement(node, symbol)) {
                replacements.put(symbol, readInEvent(node, symbol, what));
            } else {
                replacements.put(symbol, own(node, symbol, what));
            }
        }
        return Exprs.substitute(e, replacements);
    }

    private Expr readInEvent(Node node, String requirement, String what) {
        Map<String, Expr> known = names(node).readInEvents();
        Expr existing = known.get(requirement);
        if (existing != null) {
            return existing;
        }
        Expr read = seen(node, requirement, what);
        Expr result = read;
        if (!(read instanceof Expr.Num) && !(read instanceof Expr.Var v && fixedNames.contains(v.name()))) {
            String name = unique(tree.prefix(node) + "_" + requirement + "_read");
            Dimension dimension = type(node).requirements().stream().filter(r -> r.name().equals(requirement))
                    .findFirst().map(r -> ComponentConstants.dimension(model, r.dimension(), node.component()))
                    .orElse(Dimension.NONE);
            derived.put(name, new FlatDerived(name, read, dimension, null, false));
            result = new Expr.Var(name);
        }
        known.put(requirement, result);
        return result;
    }

    /**
     * A state variable of {@code node} as its parent reads it: after the instance's Euler update
     * ({@code x + (dt * rate)}, jLEMS's order of operations) and its OnConditions (each a Piecewise over the
     * updated values, in order).
     */
    private Expr updatedState(Node node, String state, String where, SourceLocation location) {
        Map<String, Expr> known = names(node).updated();
        if (known.containsKey(state)) {
            return known.get(state);
        }
        String what = tree.describe(node);
        if (step == null) {
            throw new BadInputException(location, where + " selects state variable '" + state + "' of " + what
                    + " after its update, which needs the integration step; it is not imported");
        }
        if (stepName == null) {
            stepName = unique("dt");
            parameters.put(stepName, new FlatParameter(stepName, step, "the Simulation (jLEMS's dt)"));
            fixedNames.add(stepName);
        }
        Dynamics dyn = dynamics(node);
        Map<String, Expr> after = new LinkedHashMap<>();
        for (Dynamics.StateVariable sv : dyn.stateVariables()) {
            Expr value = new Expr.Var(flatName(node, sv.name()));
            for (Dynamics.TimeDerivative td : dyn.timeDerivatives()) {
                if (td.variable().equals(sv.name())) {
                    String rateName = names(node).rates().computeIfAbsent(
                            sv.name(), n -> {
                                String name = unique(flatName(node, sv.name()) + "_rate");
                                Dimension dimension = ComponentConstants.dimension(model, sv.dimension(),
                                        node.component()).dividedBy(new Dimension(0, 0, 1, 0, 0, 0, 0));
                                derived.put(name, new FlatDerived(name, local(node, td.value(), what), dimension,
                                        null, false));
                                return name;
                            });
                    value = new Expr.Binary(Expr.BinaryOp.ADD, value, new Expr.Binary(Expr.BinaryOp.MUL,
                            new Expr.Var(stepName), new Expr.Var(rateName)));
                }
            }
            after.put(sv.name(), value);
        }
        for (Dynamics.OnCondition on : dyn.onConditions()) {
            Expr test = Exprs.substitute(local(node, on.test(), what), byFlatName(node, after));
            for (Dynamics.Action action : on.actions()) {
                if (action instanceof Dynamics.StateAssignment a && after.containsKey(a.variable())) {
                    Expr value = Exprs.substitute(local(node, a.value(), what), byFlatName(node, after));
                    after.put(a.variable(), new Expr.Piecewise(List.of(new Expr.Case(value, test),
                            new Expr.Case(after.get(a.variable()), new Expr.Bool(true)))));
                }
            }
        }
        Expr value = after.get(state);
        if (!value.equals(new Expr.Var(flatName(node, state)))) {
            String name = unique(flatName(node, state) + "_new");
            Dimension dimension = dyn.stateVariables().stream().filter(sv -> sv.name().equals(state)).findFirst()
                    .map(sv -> ComponentConstants.dimension(model, sv.dimension(), node.component())).orElseThrow();
            derived.put(name, new FlatDerived(name, value, dimension, null, false));
            value = new Expr.Var(name);
        }
        known.put(state, value);
        return value;
    }

    /** The flat state names of {@code node} mapped to the given values. */
    private Map<String, Expr> byFlatName(Node node, Map<String, Expr> values) {
        Map<String, Expr> renamed = new HashMap<>();
        values.forEach((local, value) -> renamed.put(flatName(node, local), value));
        return renamed;
    }

    private void addDerived(Node node, String local, Expr value, Dimension dimension) {
        String name = flatName(node, local);
        if (value instanceof Expr.Num n && !dimension.isNone()) {
            // a fixed value with a unit (e.g. the sum over an empty list): YAML writes it as a parameter
            ComponentConstants.Entry entry = new ComponentConstants.Entry(local, n.value(),
                    ImportedQuantity.inSi(n.value(), dimension, model.units().table()), "fixed value");
            parameters.put(name, new FlatParameter(name, entry, tree.path(node) + " (" + type(node).name() + ")"));
            fixedNames.add(name);
            return;
        }
        boolean recorded = "q".equals(exposureOf(node, local));
        derived.put(name, new FlatDerived(name, value, dimension, quantity(node, local), recorded));
    }

    /** The exposure a variable is copied to, or null. */
    private static String exposureOf(Node node, String variable) {
        for (var e : type(node).exposures()) {
            if (variable.equals(exposureSource(node, e.name()))) {
                return e.name();
            }
        }
        return null;
    }

    private String quantity(Node node, String variable) {
        String path = tree.path(node);
        return quantityPrefix + (path.isEmpty() ? "" : path + "/") + variable;
    }

    /** An expression of {@code node} in flat names: its own names, its requirements as seen this step, and t. */
    private Expr local(Node node, Expr e, String what) {
        Map<String, Expr> replacements = new HashMap<>();
        for (String symbol : Exprs.freeSymbols(e)) {
            if (symbol.equals("t") && !isState(node, "t") && !isDerived(node, "t")) {
                continue;
            }
            replacements.put(symbol, own(node, symbol, what));
        }
        return Exprs.substitute(e, replacements);
    }

    /** A name an expression of {@code node} reads, in flat form (jLEMS folds fixed values first). */
    private Expr own(Node node, String symbol, String what) {
        if (node.component().values().containsKey(symbol) || isConstant(node, symbol)) {
            return constant(node, symbol);
        }
        if (isRequirement(node, symbol)) {
            return seen(node, symbol, what);
        }
        if (isState(node, symbol) || isDerived(node, symbol)) {
            return new Expr.Var(flatName(node, symbol));
        }
        throw new BadInputException(node.component().location(), what + " uses '" + symbol + "', which is neither a fixed value "
                + "nor a variable of it; it is not imported");
    }

    /**
     * What {@code node} reads through its Requirement {@code name} in a step, as a flat expression evaluated at the
     * start of the step.
     */
    private Expr seen(Node node, String name, String what) {
        MemberTree.Slot slot = requirement(node, name, what);
        return switch (slot.kind()) {
            case CONSTANT -> constant(slot.node(), slot.name());
            case ZERO -> new Expr.Num(0.0);
            case STATE -> {
                if (slot.node() == tree.root() && !dynamics(slot.node()).regimes().isEmpty()) {
                    throw new BadInputException(node.component().location(), what + " reads '" + name + "' of a cell with "
                            + "regimes, whose exposures lag; it is not imported");
                }
                yield new Expr.Var(flatName(slot.node(), slot.name()));
            }
            case DERIVED -> lag(slot, what);
            case REQUIREMENT -> slotCopy(slot.node(), slot.name(), what);
        };
    }

    /** An ancestor's derived variable as its reader sees it: the value of the previous step. */
    private Expr lag(MemberTree.Slot slot, String what) {
        return names(slot.node()).lagged().computeIfAbsent(slot.name(), n -> {
            Node owner = slot.node();
            String source = flatName(owner, slot.name());
            String name = unique(source + "_prev");
            double initial = slot.viaExposure() ? owner.exposed()[owner.kind().exposureIndex.get(
                    exposureOf(owner, slot.name()))] : initialValue(owner, slot.name());
            checkInitial(initial, owner, slot.name(), what);
            states.put(name, new FlatState(name, null, dimensionOf(owner, slot.name()), initial, null));
            copies.put(name, new Expr.Var(source));
            return new Expr.Var(name);
        });
    }

    /** An ancestor's requirement slot: what the ancestor read at its previous step. */
    private Expr slotCopy(Node owner, String requirement, String what) {
        Map<String, Expr> known = names(owner).slotCopies();
        Expr existing = known.get(requirement);
        if (existing != null) {
            return existing;
        }
        Expr read = seen(owner, requirement, what);
        Expr result;
        if (read instanceof Expr.Num || (read instanceof Expr.Var v && fixedNames.contains(v.name()))) {
            result = read; // a fixed value: the slot always holds it
        } else {
            String name = flatName(owner, requirement);
            double initial = initialValue(owner, requirement);
            checkInitial(initial, owner, requirement, what);
            Dimension dimension = type(owner).requirements().stream().filter(r -> r.name().equals(requirement))
                    .findFirst().map(r -> ComponentConstants.dimension(model, r.dimension(), owner.component()))
                    .orElse(Dimension.NONE);
            states.put(name, new FlatState(name, null, dimension, initial, quantity(owner, requirement)));
            String next = unique(name + "_next");
            derived.put(next, new FlatDerived(next, read, dimension, null, false));
            copies.put(name, new Expr.Var(next));
            result = new Expr.Var(name);
        }
        known.put(requirement, result);
        return result;
    }

    private void checkInitial(double value, Node owner, String variable, String what) {
        if (Double.isNaN(value)) {
            throw new BadInputException(owner.component().location(), what + " reads '" + variable + "' of "
                    + tree.describe(owner) + ", whose value after jLEMS's initialisation is not a number; it is not "
                    + "imported");
        }
    }

    /** A select derived variable as jLEMS's binder and reduce compute it. */
    private Expr select(Node node, Dynamics.DerivedVariable dv, String what) {
        String path = dv.select();
        String reduce = dv.reduce();
        String where = what + ": derived variable '" + dv.name() + "'";
        if (reduce != null && !reduce.equals("add") && !reduce.equals("multiply")) {
            throw new BadInputException(dv.location(), where + " reduces with '" + reduce + "'; only add and "
                    + "multiply are imported");
        }
        if (MemberTree.startsAtAttachments(node, path)) {
            throw new BadInputException(dv.location(), where + " selects attachments '" + path + "' below the cell, "
                    + "which is not imported");
        }
        String[] steps = path.split("/");
        for (int i = 0; i < steps.length - 1; i++) {
            if (steps[i].equals("..") || steps[i].isEmpty()) {
                throw new BadInputException(dv.location(), where + " selects '" + path + "', which leaves the "
                        + "instance; only paths into its children are imported");
            }
        }
        boolean multiply = "multiply".equals(reduce);
        int index = selectIndex(node, dv.name());
        Read[] targets = node.selects()[index];
        if (targets == null) {
            return new Expr.Num(node.selectFallbacks()[index]);
        }
        Expr fold = new Expr.Num(multiply ? 1.0 : 0.0);
        for (Read target : targets) {
            MemberTree.Slot slot = target.owner() == target.from() ? MemberTree.slot(target) : null;
            if (slot == null) {
                throw new BadInputException(dv.location(), where + " selects '" + path + "', but "
                        + tree.describe(target.from()) + " has no '" + steps[steps.length - 1] + "' of its own; "
                        + "reading it from further up is not imported");
            }
            fold = new Expr.Binary(multiply ? Expr.BinaryOp.MUL : Expr.BinaryOp.ADD, fold, selected(slot, where,
                    dv.location()));
        }
        return fold;
    }

    /** The position of a select derived variable among its instance's selects (as the tree bound them). */
    private static int selectIndex(Node node, String variable) {
        org.lemsbridge.tree.Kind.SelectVariable[] selects = node.kind().selects;
        for (int i = 0; i < selects.length; i++) {
            if (selects[i].name().equals(variable)) {
                return i;
            }
        }
        throw new IllegalStateException("no select " + variable + " in " + node.path());
    }

    /** What {@code node}'s Requirement {@code name} reads, as the tree bound it (jLEMS's lookup from the parent). */
    private MemberTree.Slot requirement(Node node, String name, String what) {
        String[] required = node.kind().requirementNames;
        for (int i = 0; i < required.length; i++) {
            if (required[i].equals(name)) {
                MemberTree.Slot slot = MemberTree.slot(node.requirements()[i]);
                if (slot == null) {
                    throw new BadInputException(node.component().location(), what + " requires '" + name + "', "
                            + "which " + node.requirements()[i].owner().path() + " has as a variable the import does "
                            + "not flatten");
                }
                return slot;
            }
        }
        throw new BadInputException(node.component().location(), what + " requires '" + name + "' but no enclosing "
                + "component provides it");
    }

    /** A state variable's value after initialisation, refused when it is not a number. */
    private double initial(Node node, String state, String what) {
        double v = initialValue(node, state);
        if (Double.isNaN(v)) {
            throw new BadInputException(node.component().location(), what + ": the initial value of '" + state
                    + "' is not a number; it is not imported");
        }
        return v;
    }

    /**
     * A select target's value: children have stepped, so a derived value is this step's and a state variable its
     * value after the child's update.
     */
    private Expr selected(MemberTree.Slot slot, String where, SourceLocation location) {
        return switch (slot.kind()) {
            case CONSTANT -> constant(slot.node(), slot.name());
            case ZERO -> new Expr.Num(0.0);
            case DERIVED -> new Expr.Var(flatName(slot.node(), slot.name()));
            case REQUIREMENT -> seen(slot.node(), slot.name(), where);
            case STATE -> updatedState(slot.node(), slot.name(), where, location);
        };
    }

    private Dimension dimensionOf(Node node, String variable) {
        for (Dynamics.DerivedVariable dv : MemberTree.derived(node)) {
            if (dv.name().equals(variable)) {
                return ComponentConstants.dimension(model, dv.dimension(), node.component());
            }
        }
        for (Dynamics.ConditionalDerivedVariable c : MemberTree.conditional(node)) {
            if (c.name().equals(variable)) {
                return ComponentConstants.dimension(model, c.dimension(), node.component());
            }
        }
        return Dimension.NONE;
    }

    /** A fixed value of {@code node} as a flat parameter (the cell's keep their names). */
    private Expr constant(Node node, String name) {
        if (node == tree.root()) {
            rootConstantsRead.add(name);
            fixedNames.add(rootName.apply(name));
            return new Expr.Var(rootName.apply(name));
        }
        return names(node).constants().computeIfAbsent(name, n -> {
            ComponentConstants.Entry entry = ComponentConstants.of(node.component(), model, Map.of()).get(name);
            if (entry == null) {
                throw new BadInputException(node.component().location(), tree.describe(node) + " gives no value for '" + name + "'");
            }
            String flat = unique(tree.outside(node) ? SafeId.of(name) : tree.prefix(node) + "_" + name);
            String owner = tree.outside(node) ? type(node).name() + " " + node.component().id()
                    : tree.path(node) + " (" + type(node).name() + ")";
            parameters.put(flat, new FlatParameter(flat, entry, owner));
            fixedNames.add(flat);
            return new Expr.Var(flat);
        });
    }

    private String flatName(Node node, String local) {
        if (tree.isRoot(node)) {
            return rootName.apply(local);
        }
        return names(node).variables().computeIfAbsent(local,
                l -> unique(tree.prefix(node) + "_" + l));
    }

    private String unique(String base) {
        String name = base;
        while (taken.contains(name)) {
            name = name + "_";
        }
        taken.add(name);
        return name;
    }
}
