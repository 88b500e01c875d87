package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentCheck;
import org.lemsbridge.experiment.Extras;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.experiment.Network;
import org.lemsbridge.experiment.RawValue;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.TargetRun;
import org.lemsbridge.tree.InstancePaths;
import org.lemsbridge.tree.InstanceTree;
import org.lemsbridge.tree.Node;
import org.lemsbridge.tree.TreeBuilder;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitException;

/**
 * Imports a LEMS/NeuroML model as experiments: for the network the Simulation targets, one experiment per
 * population member, the cell flattened with the inputs attached to it (see {@link CellFlattener}), integrated
 * with the Simulation's step and length. A Simulation that targets a single component imports that component.
 * Members that cannot be imported exactly are reported, with their location, in {@link ImportResult#problems()}.
 */
public final class LemsToExperiment {

    private static final Pattern INDEXED = Pattern.compile("([^\\[/]+)\\[(\\d+)\\]");
    private static final Pattern LIST_PATH = Pattern.compile("(?:\\.\\./)?([^/]+)/(\\d+)(?:/.*)?");
    private static final Set<String> SYNAPTIC = Set.of("projection", "synapticConnection", "electricalProjection",
            "continuousProjection");

    private final LemsModel model;
    private final String sourceName;
    private final List<BadInputException> problems = new ArrayList<>();

    private LemsToExperiment(LemsModel model, String sourceName) {
        this.model = model;
        this.sourceName = sourceName;
    }

    /** Imports {@code model}; {@code sourceName} is the file name the experiments note as their source. */
    public static ImportResult convert(LemsModel model, String sourceName) {
        return new LemsToExperiment(model, sourceName).run();
    }

    /** {@code path}: where the cell is in the instance tree of the Simulation's target ({@code pop[0]}). */
    private record Member(String population, int index, Component cell, List<CellFlattener.AttachedInput> inputs,
            String quantityPrefix, String path) {
    }

    private ImportResult run() {
        TargetRun run = model.targetRun().orElseThrow(() -> new BadInputException(
                SourceLocation.unknown(sourceName), "the document has no <Target> Simulation to import"));
        Component simulation = run.simulation();
        Integration integration = integration(run);
        String targetId = Optional.ofNullable(run.target()).orElseThrow(() -> new BadInputException(
                simulation.location(), "Simulation " + simulation.describe() + " has no target"));
        Component target = model.component(targetId).orElseThrow(() -> new BadInputException(simulation.location(),
                "the Simulation's target '" + targetId + "' is not defined"));
        List<Member> members;
        if (model.isA(target.type(), "network")) {
            members = networkMembers(target);
        } else if (target.type().dynamicsIfAny().isEmpty() && !target.children().isEmpty()) {
            members = multiInstantiated(target);
        } else {
            members = List.of(new Member(target.id(), 0, target, List.of(), "", ""));
        }
        // the simulator's own tree, initialised as jLEMS does: each member's values, lookups and selects come from it
        // (the seed is immaterial: a member whose initial values draw random numbers is refused)
        InstanceTree instances;
        try {
            instances = new TreeBuilder(model, new Random(0)).build(target);
            instances.initialise();
        } catch (BadInputException e) {
            // what jLEMS could not run either: no member can be imported, and this is why
            problems.add(e);
            return new ImportResult(List.of(), problems);
        }
        List<ImportedMember> imported = new ArrayList<>();
        for (Member member : members) {
            try {
                Node node = member.path().isEmpty() ? instances.root()
                        : InstancePaths.resolve(instances.root(), member.path(), member.cell().location());
                imported.add(importMember(member, node, integration));
            } catch (BadInputException e) {
                problems.add(new BadInputException(e.location(), member.population() + "[" + member.index() + "]: "
                        + e.getMessage(), e.hint()));
            } catch (IllegalArgumentException e) {
                // a name or unit the experiment YAML cannot write
                problems.add(new BadInputException(member.cell().location(), member.population() + "["
                        + member.index() + "]: " + member.cell().describe() + " cannot be written as YAML: "
                        + e.getMessage()));
            }
        }
        return new ImportResult(imported, problems);
    }

    private ImportedMember importMember(Member member, Node node, Integration integration) {
        Unit timeUnit = model.units().table().resolve(integration.timeScale());
        ComponentConstants.Entry step = new ComponentConstants.Entry("dt", timeUnit.toSi(integration.stepSize()),
                new ImportedQuantity(integration.stepSize(), integration.timeScale()), "integration step");
        CellFlattener.FlatCell flat = CellFlattener.flatten(node, member.inputs(), model, member.quantityPrefix(),
                timeUnit, step);
        Map<String, RawValue> quantities = new LinkedHashMap<>();
        flat.quantities().forEach((name, quantity) -> quantities.put(name, RawValue.Scalar.string(quantity)));
        Map<String, RawValue> source = new LinkedHashMap<>();
        source.put("file", RawValue.Scalar.string(sourceName));
        source.put("component", RawValue.Scalar.string(member.cell().id() == null ? "" : member.cell().id()));
        source.put("type", RawValue.Scalar.string(member.cell().typeName()));
        source.put("population", RawValue.Scalar.string(member.population()));
        source.put("index", new RawValue.Scalar(Integer.toString(member.index()), "int"));
        source.put("quantities", new RawValue.Mapping(quantities));
        String label = member.population() + "[" + member.index() + "] of " + fileName(sourceName);
        Experiment experiment = new Experiment(label, "Imported from LEMS by lemsbridge: " + member.cell().typeName()
                + " '" + member.cell().id() + "' with " + member.inputs().size() + " input(s) folded in",
                flat.dynamics(), integration, Network.single(null),
                new Extras(Map.of("source", new RawValue.Mapping(source))), null);
        try {
            ExperimentCheck.check(experiment);
            new ExperimentToLems().convert(experiment);
        } catch (BadInputException e) {
            // e.g. a NeuroML type whose declared dimension disagrees with its expression: jLEMS only logs that
            throw new BadInputException(member.cell().location(), member.cell().describe() + " flattens to an "
                    + "experiment that the experiment checks refuse, so it is not imported: " + e.getMessage());
        }
        String stem = SafeId.of(member.population()) + "_" + member.index();
        return new ImportedMember(stem, experiment, flat.quantities());
    }

    private static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Populations in document order, each member with the inputs attached to it in attachment order. */
    private List<Member> networkMembers(Component network) {
        Map<String, Component> populations = new LinkedHashMap<>();
        Map<String, List<CellFlattener.AttachedInput>> inputs = new LinkedHashMap<>();
        Set<String> excluded = new HashSet<>();
        for (Component child : network.children()) {
            String type = child.typeName();
            if (model.isA(child.type(), "population") || model.isA(child.type(), "populationList")) {
                populations.put(child.id(), child);
            } else if (model.isA(child.type(), "explicitInput")) {
                explicitInput(child, inputs);
            } else if (model.isA(child.type(), "inputList")) {
                inputList(child, inputs);
            } else if (SYNAPTIC.stream().anyMatch(s -> model.isA(child.type(), s))) {
                // a chemical synapse changes only its target; gap junctions and continuous connections both ends
                boolean bothEnds = model.isA(child.type(), "electricalProjection")
                        || model.isA(child.type(), "continuousProjection");
                List<String> ends = bothEnds ? List.of("presynapticPopulation", "postsynapticPopulation")
                        : List.of("postsynapticPopulation", "to");
                List<String> affected = new ArrayList<>();
                for (String end : ends) {
                    child.textOrAttribute(end).ifPresent(p -> affected.add(p.replaceAll("\\[.*", "")));
                }
                excluded.addAll(affected);
                problems.add(new BadInputException(child.location(), "synaptic connection " + child.describe()
                        + " is not imported: an experiment holds one cell, so the population(s) it drives ("
                        + String.join(", ", affected) + ") are left out"));
            } else {
                problems.add(new BadInputException(child.location(), "network element " + child.describe()
                        + " of type " + type + " is not imported"));
            }
        }
        List<Member> members = new ArrayList<>();
        for (Component population : populations.values()) {
            if (excluded.contains(population.id())) {
                continue;
            }
            String cellId = population.textOrAttribute("component").orElseThrow(() -> new BadInputException(
                    population.location(), "population " + population.describe() + " names no component"));
            Component cell = model.component(cellId).orElseThrow(() -> new BadInputException(population.location(),
                    "population " + population.describe() + " uses undefined component '" + cellId + "'"));
            if (model.isA(population.type(), "populationList")) {
                members.addAll(listMembers(population, cell, network, inputs));
                continue;
            }
            int size = (int) Math.round(population.value("size").orElse(1.0));
            for (int i = 0; i < size; i++) {
                String key = population.id() + "[" + i + "]";
                members.add(new Member(population.id(), i, cell, inputs.getOrDefault(key, List.of()), key + "/",
                        key));
            }
        }
        return members;
    }

    /**
     * The instances of a population list, each a member whose recorded paths are {@code pop/<id>/<cell>/...} (the
     * instance's ChildInstance of the cell); an instance id must be a number, as NeuroML's are.
     */
    private List<Member> listMembers(Component population, Component cell, Component network,
            Map<String, List<CellFlattener.AttachedInput>> inputs) {
        List<Member> members = new ArrayList<>();
        for (Component instance : population.children()) {
            if (!model.isA(instance.type(), "instance")) {
                continue;
            }
            String id = instance.id() == null ? "" : instance.id();
            if (!id.matches("\\d+")) {
                problems.add(new BadInputException(instance.location(), "instance '" + id + "' of population list "
                        + population.describe() + " has no numeric id; it is not imported"));
                continue;
            }
            String key = population.id() + "[" + id + "]";
            String prefix = population.id() + "/" + id + "/" + cell.id() + "/";
            // an input is attached to the cell, which is the instance's child: pop/0/cell/input/...
            List<CellFlattener.AttachedInput> attached = new ArrayList<>();
            for (CellFlattener.AttachedInput in : inputs.getOrDefault(key, List.of())) {
                String below = in.quantityPrefix().startsWith(key + "/")
                        ? in.quantityPrefix().substring(key.length() + 1) : in.quantityPrefix();
                attached.add(new CellFlattener.AttachedInput(in.prefix(), in.input(), in.destination(),
                        in.properties(), prefix + below, in.location()));
            }
            members.add(new Member(population.id(), Integer.parseInt(id), cell, attached, prefix,
                    prefix.substring(0, prefix.length() - 1)));
        }
        return members;
    }

    /**
     * A plain LEMS network: each child whose type builds {@code MultiInstantiate number component} is a population;
     * anything else (connections, other structure) is reported.
     */
    private List<Member> multiInstantiated(Component network) {
        Map<String, Member> populations = new LinkedHashMap<>();
        List<Member> members = new ArrayList<>();
        List<Component> others = new ArrayList<>();
        for (Component child : network.children()) {
            Optional<org.lemsbridge.lems.Structure.MultiInstantiate> multi = child.type().structure().items().stream()
                    .filter(org.lemsbridge.lems.Structure.MultiInstantiate.class::isInstance)
                    .map(org.lemsbridge.lems.Structure.MultiInstantiate.class::cast).findFirst();
            if (multi.isEmpty() || multi.get().component() == null || child.type().structure().items().size() != 1) {
                others.add(child);
                continue;
            }
            Optional<Component> cell = child.textOrAttribute(multi.get().component()).flatMap(model::component);
            Optional<Double> size = child.value(multi.get().number());
            if (cell.isEmpty() || size.isEmpty()) {
                problems.add(new BadInputException(child.location(), "population " + child.describe()
                        + " has no resolvable component or size"));
                continue;
            }
            for (int i = 0; i < (int) Math.round(size.get()); i++) {
                Member member = new Member(child.id(), i, cell.get(), List.of(), child.id() + "[" + i + "]/",
                        child.id() + "[" + i + "]");
                members.add(member);
                populations.putIfAbsent(child.id(), member);
            }
        }
        Set<String> excluded = new HashSet<>();
        for (Component other : others) {
            List<String> affected = new ArrayList<>();
            List<String> values = new ArrayList<>(other.attributes().values());
            values.addAll(other.texts().values());
            for (String value : values) {
                String id = value.replaceAll("\\[.*", "");
                if (populations.containsKey(id) && !affected.contains(id)) {
                    affected.add(id);
                }
            }
            excluded.addAll(affected);
            problems.add(new BadInputException(other.location(), "network element " + other.describe()
                    + " is not imported (only populations built by MultiInstantiate are)"
                    + (affected.isEmpty() ? "" : "; the populations it names (" + String.join(", ", affected)
                            + ") are left out")));
        }
        return members.stream().filter(m -> !excluded.contains(m.population())).toList();
    }

    private void explicitInput(Component child, Map<String, List<CellFlattener.AttachedInput>> inputs) {
        String target = child.textOrAttribute("target").orElse("");
        String inputId = child.textOrAttribute("input").orElse("");
        Optional<Component> input = model.component(inputId);
        Matcher m = INDEXED.matcher(target);
        if (input.isEmpty() || !m.matches()) {
            problems.add(new BadInputException(child.location(), "explicit input to '" + target + "' with input '"
                    + inputId + "' cannot be resolved"));
            return;
        }
        String key = m.group(1) + "[" + m.group(2) + "]";
        inputs.computeIfAbsent(key, k -> new ArrayList<>()).add(new CellFlattener.AttachedInput(SafeId.of(inputId),
                input.get(), child.textOrAttribute("destination").orElse(null), Map.of(), key + "/" + inputId + "/",
                child.location()));
    }

    private void inputList(Component list, Map<String, List<CellFlattener.AttachedInput>> inputs) {
        String componentId = list.textOrAttribute("component").orElse("");
        Optional<Component> input = model.component(componentId);
        if (input.isEmpty()) {
            problems.add(new BadInputException(list.location(), "input list " + list.describe()
                    + " uses undefined component '" + componentId + "'"));
            return;
        }
        for (Component in : list.children()) {
            String target = in.textOrAttribute("target").orElse("");
            Matcher indexed = INDEXED.matcher(target);
            Matcher path = LIST_PATH.matcher(target);
            String key;
            if (indexed.matches()) {
                key = indexed.group(1) + "[" + indexed.group(2) + "]";
            } else if (path.matches()) {
                key = path.group(1) + "[" + path.group(2) + "]";
            } else {
                problems.add(new BadInputException(in.location(), "input target '" + target + "' is not understood"));
                continue;
            }
            Map<String, Double> properties = in.value("weight").map(w -> Map.of("weight", w)).orElse(Map.of());
            String prefix = SafeId.of(list.id() + "_" + (in.id() == null ? "in" : in.id()));
            inputs.computeIfAbsent(key, k -> new ArrayList<>()).add(new CellFlattener.AttachedInput(prefix,
                    input.get(), in.textOrAttribute("destination").orElse(null), properties, key + "/" + componentId + "/",
                    in.location()));
        }
    }

    /** The Simulation's step and length in one time unit that converts both back to the exact SI values. */
    private Integration integration(TargetRun run) {
        double step = run.step().si();
        double length = run.length().si();
        Dimension time = new Dimension(0, 0, 1, 0, 0, 0, 0);
        ImportedQuantity stepQ = ImportedQuantity.of(run.step().written(), step, time,
                model.units().table());
        ImportedQuantity lengthQ = ImportedQuantity.of(run.length().written(), length, time,
                model.units().table());
        if (!stepQ.unit().equals(lengthQ.unit())) {
            Optional<ImportedQuantity> sameUnit = in(stepQ.unit(), length);
            if (sameUnit.isPresent()) {
                lengthQ = sameUnit.get();
            } else {
                stepQ = ImportedQuantity.inSi(step, time, model.units().table());
                lengthQ = ImportedQuantity.inSi(length, time, model.units().table());
            }
        }
        return new Integration("euler", stepQ.value(), lengthQ.value(), stepQ.unit(), 0.0, Extras.NONE, null);
    }

    private Optional<ImportedQuantity> in(String unitSymbol, double si) {
        try {
            Unit unit = model.units().table().resolve(unitSymbol);
            double number = unit.fromSi(si);
            return Double.compare(unit.toSi(number), si) == 0 ? Optional.of(new ImportedQuantity(number, unitSymbol))
                    : Optional.empty();
        } catch (UnitException e) {
            return Optional.empty();
        }
    }
}
