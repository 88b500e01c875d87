package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.DerivedVariable;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Equation;
import org.lemsbridge.experiment.Event;
import org.lemsbridge.experiment.Extras;
import org.lemsbridge.experiment.Parameter;
import org.lemsbridge.experiment.RawValue;
import org.lemsbridge.experiment.StateVariable;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Exprs;
import org.lemsbridge.expr.SympyPrinter;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.tree.Node;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitTable;

/**
 * Flattens one point cell (its resolved type chain) and the inputs attached to it into one experiment Dynamics.
 * Every expression keeps the tree jLEMS evaluates; a select-reduce over attachments becomes the same left fold over
 * the folded inputs' Piecewise variables. Anything that has no exact flat form is refused with its location.
 */
final class CellFlattener {

    /** An input attached to the cell: the input component, where it is attached and its property values. */
    record AttachedInput(String prefix, Component input, String destination, Map<String, Double> properties,
            String quantityPrefix, SourceLocation location) {
    }

    /** The flattened cell: its dynamics, the LEMS quantity of each recorded variable, extra variables to record. */
    record FlatCell(Dynamics dynamics, Map<String, String> quantities, List<String> outputs) {
    }

    /** Names SymPy or the renderer read as something else than a model symbol. */
    private static final Set<String> RESERVED = Set.of("t", "E", "pi", "oo", "nan", "True", "False",
            "sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "sqrt", "ceil", "abs", "log", "ln", "H",
            "random", "factorial", "sum", "product", "id", "type", "Abs", "Heaviside", "Piecewise", "Eq", "Ne");

    private static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0, 0);

    private final LemsModel model;
    private final UnitTable table;
    private final Map<String, Expr> renaming = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    // what one flattening builds (an instance flattens one cell)
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, StateVariable> states = new LinkedHashMap<>();
    private final Map<String, DerivedVariable> derived = new LinkedHashMap<>();
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Map<String, String> quantities = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();

    private CellFlattener(LemsModel model) {
        this.model = model;
        this.table = model.units().table();
    }

    /**
     * Flattens the cell at {@code node} of an initialised instance tree. {@code timeUnit}: the integration's time
     * unit; a dimensionless state whose rate is {@code x / C}, C a constant of one such unit (what the renderer
     * writes for TVBO's per-time_scale rates), gets the rate {@code x}. {@code step}: the integration step as the
     * experiment writes it (null when unknown).
     */
    static FlatCell flatten(Node node, List<AttachedInput> inputs, LemsModel model, String quantityPrefix,
            Unit timeUnit, ComponentConstants.Entry step) {
        return new CellFlattener(model).run(node, inputs, quantityPrefix, timeUnit, step);
    }

    private FlatCell run(Node node, List<AttachedInput> inputs, String quantityPrefix, Unit timeUnit,
            ComponentConstants.Entry step) {
        Component cell = node.component();
        ComponentType type = cell.type();
        String what = "cell " + cell.describe();
        org.lemsbridge.lems.Dynamics dyn = type.dynamicsIfAny().orElseThrow(
                () -> new BadInputException(cell.location(), what + " has no Dynamics to import"));
        FlatteningLimits.refuseUnsupported(cell, type, dyn, what);
        MemberTree tree = MemberTree.of(node);
        FlatteningLimits.refuseRandomStarts(startingActions(dyn), what);
        if (tree.hasDescendants()) {
            FlatteningLimits.refuseTreeWith(tree, dyn, what);
        }
        Map<String, ComponentConstants.Entry> constants = ComponentConstants.withLemsConstants(
                ComponentConstants.of(cell, model, Map.of()), CellExpressions.symbolsUsed(dyn, timeDerivatives(dyn)), model,
                cell);
        FlatteningLimits.refuseUnknownSymbols(dyn, constants.keySet(), cell, what);
        registerNames(constants.keySet(), dyn);
        TreeFlattening below = tree.hasDescendants() ? TreeFlattening.of(tree, model, taken, this::nameOf,
                quantityPrefix, step) : null;

        RegimeFlattening regimes = null;
        if (!dyn.regimes().isEmpty()) {
            String flag = fresh("regime");
            taken.add(flag);
            String active = fresh("active_regime");
            taken.add(active);
            regimes = RegimeFlattening.of(dyn, flag, active, cell.location(), what);
        }
        Set<String> perTimeUnit = new HashSet<>();
        Map<String, Expr> rates = rates(dyn, constants, cell, timeUnit, perTimeUnit);
        List<Expr> extraExpressions = new ArrayList<>();
        if (regimes != null) {
            rates.putAll(regimes.rates());
            extraExpressions.addAll(regimes.expressions());
        }
        extraExpressions.addAll(rates.values());
        Map<String, String> initialParameters = CellExpressions.initialValueParameters(dyn, constants.keySet(),
                extraExpressions);
        Set<String> used = CellExpressions.symbolsUsed(dyn, extraExpressions);
        Map<String, Double> si = new HashMap<>();
        // a state starts at its parameter only when initialisation leaves it exactly there
        initialParameters.keySet().removeIf(sv -> (below != null && below.rootConstantsRead().contains(
                initialParameters.get(sv))) || Double.compare(MemberTree.initialValue(node, sv),
                constants.get(initialParameters.get(sv)).si()) != 0);
        constants.forEach((name, entry) -> {
            si.put(name, entry.si());
            boolean read = below != null && below.rootConstantsRead().contains(name);
            boolean dropped = initialParameters.containsValue(name) || (perTimeUnit.contains(name) && !used.contains(name));
            if (!dropped || read) {
                parameters.put(nameOf(name), parameter(nameOf(name), entry, null));
            }
        });
        for (org.lemsbridge.lems.Dynamics.StateVariable sv : dyn.stateVariables()) {
            double initial = MemberTree.initialValue(node, sv.name());
            if (Double.isNaN(initial)) {
                throw new BadInputException(sv.location(), what + ": the initial value of '" + sv.name()
                        + "' is not a number; it is not imported");
            }
            ImportedQuantity start = initialParameters.containsKey(sv.name())
                    ? constants.get(initialParameters.get(sv.name())).quantity()
                    : ImportedQuantity.inSi(initial, ComponentConstants.dimension(model, sv.dimension(), cell), table);
            addState(sv, rates.get(sv.name()), start, cell, what, quantityPrefix);
        }
        if (regimes != null) {
            addRegimeVariables(regimes, dyn, type, quantityPrefix);
        }
        if (below != null) {
            addBelow(below);
        }
        addDerivedAndInputs(dyn, cell, what, inputs, regimes, below);
        addConditionalDerived(dyn, cell);
        if (below != null) {
            below.derived().values().forEach(this::addBelow);
        }
        addEvents(dyn);
        if (regimes != null) {
            for (RegimeFlattening.GuardedEvent event : regimes.events()) {
                String name = events.containsKey(event.name()) ? event.name() + "_" + (events.size() + 1) : event.name();
                addEvent(name, event.test(), event.assignments());
            }
        }
        if (below != null) {
            // the instances' OnConditions read their own new state and start-of-step values; the copies come last
            for (TreeFlattening.FlatEvent event : below.events().values()) {
                List<String> texts = new ArrayList<>();
                event.assignments().forEach(a -> texts.add(a.getKey() + " = " + SympyPrinter.print(a.getValue())));
                events.put(event.name(), new Event(event.name(), Equation.of(SympyPrinter.print(event.test())),
                        texts.isEmpty() ? null : Equation.of(String.join("; ", texts)), null, Extras.NONE, null));
            }
        }
        if (below != null && !below.copies().isEmpty()) {
            String name = fresh("requirement_copies");
            List<String> texts = new ArrayList<>();
            below.copies().forEach((target, value) -> texts.add(target + " = " + SympyPrinter.print(value)));
            events.put(name, new Event(name, Equation.of("True"), Equation.of(String.join("; ", texts)), null,
                    new Extras(Map.of("description", RawValue.Scalar.string("after every step: jLEMS keeps what an "
                            + "instance read through a Requirement (and an ancestor's derived value) until its next "
                            + "step, and the instances below it read that, so they see values of earlier steps"))),
                    null));
        }
        Extras extras = outputs.isEmpty() ? Extras.NONE : new Extras(Map.of("output",
                new RawValue.Sequence(outputs.stream().<RawValue>map(RawValue.Scalar::string).toList())));
        String dynamicsName = SafeId.of(cell.id() == null ? type.name() : cell.id());
        Dynamics dynamics = new Dynamics(dynamicsName, null, null, parameters, Map.of(), derived, states, events,
                Map.of(), extras, null, "NeuroML/LEMS " + type.name() + " '" + cell.id()
                        + "' flattened by lemsbridge import");
        return new FlatCell(dynamics, quantities, outputs);
    }

    /** The blocks initialisation runs: the OnStarts, then the initial regime's OnEntries. */
    private static List<List<org.lemsbridge.lems.Dynamics.Action>> startingActions(org.lemsbridge.lems.Dynamics dyn) {
        List<List<org.lemsbridge.lems.Dynamics.Action>> blocks = new ArrayList<>(dyn.onStarts());
        dyn.regimes().stream().filter(org.lemsbridge.lems.Dynamics.Regime::initial)
                .forEach(r -> blocks.addAll(r.onEntries()));
        return blocks;
    }

    /** Every cell name keeps its LEMS spelling unless SymPy or the renderer would read it as something else. */
    private void registerNames(Set<String> constants, org.lemsbridge.lems.Dynamics dyn) {
        List<String> cellNames = new ArrayList<>(constants);
        dyn.stateVariables().forEach(sv -> cellNames.add(sv.name()));
        dyn.derivedVariables().forEach(dv -> cellNames.add(dv.name()));
        dyn.conditionalDerivedVariables().forEach(dv -> cellNames.add(dv.name()));
        for (String name : cellNames) {
            // a name the renderer suffixed ({@code E_sv}) is the user's again ({@code E}) when that name is free
            Optional<String> userName = RenderedNames.userName(name)
                    .filter(user -> !cellNames.contains(user) && !taken.contains(user));
            String yamlName = userName.orElseGet(() -> RESERVED.contains(name) ? fresh(name + "_") : name);
            taken.add(yamlName);
            if (!yamlName.equals(name)) {
                renaming.put(name, new Expr.Var(yamlName));
            }
        }
    }

    /** Main-level rates; {@code x / C} of a dimensionless state with C one time unit becomes {@code x}. */
    /** Every time derivative as written, in the Dynamics and in each regime. */
    private static List<Expr> timeDerivatives(org.lemsbridge.lems.Dynamics dyn) {
        List<Expr> all = new ArrayList<>();
        dyn.timeDerivatives().forEach(td -> all.add(td.value()));
        dyn.regimes().forEach(r -> r.timeDerivatives().forEach(td -> all.add(td.value())));
        return all;
    }

    private Map<String, Expr> rates(org.lemsbridge.lems.Dynamics dyn, Map<String, ComponentConstants.Entry> constants,
            Component cell, Unit timeUnit, Set<String> perTimeUnit) {
        Map<String, Expr> rates = new LinkedHashMap<>();
        for (org.lemsbridge.lems.Dynamics.TimeDerivative td : dyn.timeDerivatives()) {
            Expr rate = td.value();
            boolean dimensionless = dyn.stateVariables().stream().anyMatch(sv -> sv.name().equals(td.variable())
                    && ComponentConstants.dimension(model, sv.dimension(), cell).isNone());
            if (dimensionless && rate instanceof Expr.Binary b && b.op() == Expr.BinaryOp.DIV
                    && b.right() instanceof Expr.Var c && constants.containsKey(c.name())
                    && constants.get(c.name()).kind().equals("constant")
                    && constants.get(c.name()).si() == timeUnit.toSi(1.0)) {
                rate = b.left();
                perTimeUnit.add(c.name());
            }
            rates.put(td.variable(), rate);
        }
        return rates;
    }

    private void addState(org.lemsbridge.lems.Dynamics.StateVariable sv, Expr rate, ImportedQuantity start,
            Component cell, String what, String quantityPrefix) {
        Dimension dimension = ComponentConstants.dimension(model, sv.dimension(), cell);
        if (rate == null && !dimension.isNone() && !dimension.equals(TIME)) {
            throw new BadInputException(sv.location(), what + ": state variable '" + sv.name()
                    + "' has no TimeDerivative; only dimensionless and time-valued ones can be written with a "
                    + "zero rate");
        }
        String name = nameOf(sv.name());
        String rhs = rate == null ? "0" : print(rate);
        states.put(name, new StateVariable(name, new Equation(null, rhs, Extras.NONE, null), start.value(), true,
                start.unit(), true, Extras.NONE, null));
        quantities.put(name, quantityPrefix + sv.name());
    }

    /**
     * The active-regime state and its start-of-step copy; an exposed variable a regime updates is recorded through
     * a derived copy, which lags one step as jLEMS's exposure does.
     */
    private void addRegimeVariables(RegimeFlattening regimes, org.lemsbridge.lems.Dynamics dyn, ComponentType type,
            String quantityPrefix) {
        states.put(regimes.flag(), new StateVariable(regimes.flag(), Equation.of("0"), regimes.initialIndex(), true,
                null, false, Extras.NONE, null));
        derived.put(regimes.activeRegime(), new DerivedVariable(regimes.activeRegime(),
                Equation.of(regimes.flag()), null, false, List.of(), Extras.NONE, null));
        for (org.lemsbridge.lems.Dynamics.StateVariable sv : dyn.stateVariables()) {
            boolean exposed = sv.exposure() != null || type.hasExposure(sv.name());
            if (exposed && regimes.updatedInRegimes().contains(sv.name())) {
                String recorded = fresh(nameOf(sv.name()) + "_recorded");
                taken.add(recorded);
                derived.put(recorded, new DerivedVariable(recorded, Equation.of(nameOf(sv.name())),
                        states.get(nameOf(sv.name())).unit(), false, List.of(), Extras.NONE, null));
                quantities.remove(nameOf(sv.name()));
                quantities.put(recorded, quantityPrefix + sv.name());
                outputs.add(recorded);
            }
        }
    }

    /** Plain derived variables; a select over attachments becomes the same fold over the folded inputs. */
    private void addDerivedAndInputs(org.lemsbridge.lems.Dynamics dyn, Component cell, String what,
            List<AttachedInput> inputs, RegimeFlattening regimes, TreeFlattening below) {
        Map<AttachedInput, InputFolding.FoldedInput> folded = new LinkedHashMap<>();
        // an input reading the cell (Requirement) sees its state from the end of the previous step, as a derived
        // variable of the flat cell does; variables a regime updates are exposed late and are not offered
        Set<String> readableByInputs = new HashSet<>();
        dyn.stateVariables().forEach(sv -> readableByInputs.add(sv.name()));
        if (regimes != null) {
            readableByInputs.removeAll(regimes.updatedInRegimes());
        }
        for (org.lemsbridge.lems.Dynamics.DerivedVariable dv : dyn.derivedVariables()) {
            Dimension dimension = ComponentConstants.dimension(model, dv.dimension(), cell);
            String name = nameOf(dv.name());
            if (!dv.isSelect()) {
                derived.put(name, derivedVariable(name, dv.value(), dimension));
                continue;
            }
            if (below != null && !MemberTree.startsAtAttachments(below.tree().root(), dv.select())) {
                derived.put(name, new DerivedVariable(name, Equation.of(SympyPrinter.print(below.rootSelect(dv))),
                        ImportedQuantity.siUnit(dimension, table), false, List.of(), Extras.NONE, null));
                continue;
            }
            Select select = Select.parse(dv, what);
            List<AttachedInput> members = inputs.stream()
                    .filter(in -> in.destination() == null || in.destination().equals(select.attachments())).toList();
            Expr fold = new Expr.Num(select.multiply() ? 1.0 : 0.0);
            for (AttachedInput in : members) {
                InputFolding.FoldedInput f = folded.computeIfAbsent(in, a -> InputFolding.fold(a.input(),
                        select.variable(), a.prefix(), a.properties(), model, a.location(), readableByInputs));
                String variable = uniqueInputName(f.variableName());
                addInput(f, variable, in);
                quantities.put(variable, in.quantityPrefix() + select.variable());
                outputs.add(variable);
                fold = new Expr.Binary(select.multiply() ? Expr.BinaryOp.MUL : Expr.BinaryOp.ADD, fold,
                        new Expr.Var(variable));
            }
            if (members.isEmpty()) {
                double empty = select.multiply() ? 1.0 : 0.0;
                parameters.put(name, new Parameter(name, ImportedQuantity.inSi(empty, dimension, table).value(),
                        ImportedQuantity.siUnit(dimension, table),
                        "the " + (select.multiply() ? "product" : "sum") + " of " + dv.select()
                                + " over no attached inputs", null, Extras.NONE, null));
            } else {
                derived.put(name, new DerivedVariable(name, Equation.of(SympyPrinter.print(fold)),
                        ImportedQuantity.siUnit(dimension, table), false, List.of(), Extras.NONE, null));
            }
        }
        for (AttachedInput in : inputs) {
            if (!folded.containsKey(in)) {
                throw new BadInputException(in.location(), "input " + in.input().describe() + " is attached to "
                        + what + " at '" + in.destination() + "', which no select of the cell reads");
            }
        }
    }

    /** The parameters and state variables of the instances below the cell. */
    private void addBelow(TreeFlattening below) {
        below.parameters().forEach((name, p) -> parameters.put(name, new Parameter(name, p.entry().quantity().value(),
                p.entry().quantity().unit(), p.entry().kind() + " of " + p.owner(), null, Extras.NONE, null)));
        for (TreeFlattening.FlatState s : below.states().values()) {
            ImportedQuantity start = ImportedQuantity.inSi(s.initial(), s.dimension(), table);
            String rhs = s.rate() == null ? "0" : SympyPrinter.print(s.rate());
            states.put(s.name(), new StateVariable(s.name(), new Equation(null, rhs, Extras.NONE, null), start.value(),
                    true, start.unit(), true, Extras.NONE, null));
            if (s.quantity() != null) {
                quantities.put(s.name(), s.quantity());
            }
        }
    }

    /** A derived variable of an instance below the cell. */
    private void addBelow(TreeFlattening.FlatDerived d) {
        derived.put(d.name(), new DerivedVariable(d.name(), Equation.of(SympyPrinter.print(d.value())),
                ImportedQuantity.siUnit(d.dimension(), table), false, List.of(), Extras.NONE, null));
        if (d.recorded()) {
            quantities.put(d.name(), d.quantity());
            outputs.add(d.name());
        }
    }

    /** A ConditionalDerivedVariable as a Piecewise; jLEMS's 0 when no case matches becomes the default case. */
    private void addConditionalDerived(org.lemsbridge.lems.Dynamics dyn, Component cell) {
        for (org.lemsbridge.lems.Dynamics.ConditionalDerivedVariable cdv : dyn.conditionalDerivedVariables()) {
            Dimension dimension = ComponentConstants.dimension(model, cdv.dimension(), cell);
            List<Expr.Case> cases = new ArrayList<>();
            boolean hasDefault = false;
            for (org.lemsbridge.lems.Dynamics.Case c : cdv.cases()) {
                hasDefault |= c.condition() == null;
                cases.add(new Expr.Case(c.value(), c.condition() == null ? new Expr.Bool(true) : c.condition()));
                if (hasDefault) {
                    break;
                }
            }
            if (!hasDefault) {
                cases.add(new Expr.Case(new Expr.Num(0.0), new Expr.Bool(true)));
            }
            String name = nameOf(cdv.name());
            Expr value = cases.size() == 1 ? cases.get(0).value() : new Expr.Piecewise(cases);
            derived.put(name, derivedVariable(name, value, dimension));
        }
    }

    /** Each OnCondition as an event, named {@code spike} when it emits the spike. */
    private void addEvents(org.lemsbridge.lems.Dynamics dyn) {
        int index = 0;
        for (org.lemsbridge.lems.Dynamics.OnCondition on : dyn.onConditions()) {
            index++;
            List<Map.Entry<String, Expr>> assignments = new ArrayList<>();
            boolean spikes = false;
            for (org.lemsbridge.lems.Dynamics.Action action : on.actions()) {
                if (action instanceof org.lemsbridge.lems.Dynamics.StateAssignment a) {
                    assignments.add(Map.entry(a.variable(), a.value()));
                } else if (action instanceof org.lemsbridge.lems.Dynamics.EventOut out) {
                    spikes |= out.port().equals("spike");
                }
            }
            addEvent(spikes && !events.containsKey("spike") ? "spike" : "condition_" + index, on.test(), assignments);
        }
    }

    private void addEvent(String name, Expr test, List<Map.Entry<String, Expr>> assignments) {
        List<String> texts = new ArrayList<>();
        for (Map.Entry<String, Expr> a : assignments) {
            texts.add(nameOf(a.getKey()) + " = " + print(a.getValue()));
        }
        events.put(name, new Event(name, Equation.of(print(test)),
                texts.isEmpty() ? null : Equation.of(String.join("; ", texts)), null, Extras.NONE, null));
    }

    private void addInput(InputFolding.FoldedInput f, String variable, AttachedInput in) {
        Map<String, Expr> inputRenaming = new HashMap<>();
        for (ComponentConstants.Entry entry : f.constants().values()) {
            String name = uniqueInputName(entry.name());
            if (!name.equals(entry.name())) {
                inputRenaming.put(entry.name(), new Expr.Var(name));
            }
            parameters.put(name, parameter(name, entry, in.input().describe()));
        }
        Map<String, Expr> cellNames = new HashMap<>(renaming);
        cellNames.putAll(inputRenaming);
        Expr piecewise = Exprs.substitute(f.piecewise(), cellNames);
        derived.put(variable, new DerivedVariable(variable, Equation.of(SympyPrinter.print(piecewise)),
                ImportedQuantity.siUnit(f.dimension(), table), false, List.of(), Extras.NONE, null));
    }

    private String uniqueInputName(String base) {
        String name = base;
        if (RESERVED.contains(name)) {
            name = name + "_";
        }
        while (taken.contains(name)) {
            name = name + "_";
        }
        taken.add(name);
        return name;
    }

    private String fresh(String base) {
        String name = base;
        while (taken.contains(name)) {
            name = name + "_";
        }
        return name;
    }

    private Parameter parameter(String name, ComponentConstants.Entry entry, String owner) {
        String description = owner == null ? (entry.kind().equals("parameter") ? null : "LEMS " + entry.kind())
                : entry.kind() + " of input " + owner;
        return new Parameter(name, entry.quantity().value(), entry.quantity().unit(), description, null, Extras.NONE,
                null);
    }

    private DerivedVariable derivedVariable(String name, Expr value, Dimension dimension) {
        return new DerivedVariable(name, Equation.of(print(value)), ImportedQuantity.siUnit(dimension, table), false,
                List.of(), Extras.NONE, null);
    }

    private String nameOf(String lemsName) {
        Expr renamed = renaming.get(lemsName);
        return renamed == null ? lemsName : ((Expr.Var) renamed).name();
    }

    private String print(Expr e) {
        return SympyPrinter.print(Exprs.substitute(e, renaming));
    }

    /** A {@code name[*]/variable} select with reduce add or multiply. */
    private record Select(String attachments, String variable, boolean multiply) {
        static Select parse(org.lemsbridge.lems.Dynamics.DerivedVariable dv, String what) {
            String path = dv.select();
            int star = path.indexOf("[*]/");
            String reduce = dv.reduce() == null ? "add" : dv.reduce();
            if (star <= 0 || path.indexOf('/', star + 4) >= 0 || !(reduce.equals("add") || reduce.equals("multiply"))) {
                throw new BadInputException(dv.location(), what + ": derived variable '" + dv.name() + "' selects '"
                        + path + "' (reduce " + reduce + "); only name[*]/variable with add or multiply is imported");
            }
            return new Select(path.substring(0, star), path.substring(star + 4), reduce.equals("multiply"));
        }
    }
}
