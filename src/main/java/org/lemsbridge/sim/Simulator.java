package org.lemsbridge.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.SimulationBlock;

/**
 * Runs the Target's Simulation of a {@link LemsModel} with jLEMS 0.11.1 semantics (lems-semantics.md §2): N =
 * round(length/step) steps, N+1 output rows, accumulated time, children before parents, forward Euler.
 */
public final class Simulator {

    private static final long DEFAULT_SEED = 1234L;

    private final LemsModel model;
    private final SimulationOptions options;
    private final Component simulation;
    private final double step;
    private final double length;
    private final long seed;

    private Simulator(LemsModel model, SimulationOptions options) {
        this.model = model;
        this.options = options;
        this.simulation = model.targetSimulation().orElseThrow(() -> new BadInputException(
                SourceLocation.unknown(String.valueOf(model.source())), "the model has no <Target component=...>",
                "add <Target component=\"yourSimulationId\"/>"));
        SimulationBlock.Run run = simulation.type().simulation().runs().stream().findFirst().orElseThrow(
                () -> new BadInputException(simulation.location(), simulation.describe()
                        + " is not a Simulation (its type has no <Run>)"));
        this.step = required(run.increment());
        this.length = required(run.total());
        if (!(step > 0)) {
            throw new BadInputException(simulation.location(), "the simulation step must be positive, got " + step);
        }
        String seedText = simulation.texts().getOrDefault("seed", simulation.attributes().get("seed"));
        long parsedSeed = DEFAULT_SEED;
        if (seedText != null) {
            try {
                parsedSeed = Long.parseLong(seedText.trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(simulation.location(), "seed '" + seedText + "' is not an integer");
            }
        }
        this.seed = options.seedOverride() != null ? options.seedOverride() : parsedSeed;
    }

    /** Prepares a run of the model's Target. Nothing is built or written until {@link #run()}. */
    public static Simulator build(LemsModel model, SimulationOptions options) {
        return new Simulator(model, options);
    }

    private double required(String parameter) {
        Double value = simulation.values().get(parameter);
        if (value == null) {
            throw new BadInputException(simulation.location(), simulation.describe() + " needs '" + parameter + "'");
        }
        return value;
    }

    /** Number of steps N; the output has N+1 rows. */
    public long steps() {
        return Math.round(length / step);
    }

    /** Builds the instance tree, runs every step and writes each output file. */
    public SimulationResult run() {
        Engine engine = new Engine(seed);
        TreeBuilder builder = new TreeBuilder(model, engine);
        Instance root = buildRoot(builder);
        useGeneratedKernels(builder.kinds(), root, engine);
        List<DatWriter> writers = new ArrayList<>();
        List<EventFileWriter> eventWriters = new ArrayList<>();
        try {
            openOutputs(simulation, root, writers, eventWriters);
            long n = steps();
            double t = 0.0;
            engine.time = 0.0;
            root.initialize();
            List<Instance> order = new ArrayList<>();
            root.collectSchedule(order);
            Instance[] schedule = order.toArray(Instance[]::new);
            for (long k = 0; k <= n; k++) {
                engine.stepIndex = k;
                if (k > 0) {
                    engine.time = t;
                    engine.deliverDue(t);
                    for (Instance instance : schedule) {
                        instance.advanceOwn(t, step);
                    }
                }
                for (DatWriter writer : writers) {
                    writer.writeRow(t);
                }
                for (EventFileWriter writer : eventWriters) {
                    writer.flush(t);
                }
                t = t + step;
            }
            List<SimulationResult.WrittenFile> written = new ArrayList<>();
            for (DatWriter writer : writers) {
                written.add(writer.finish());
            }
            for (EventFileWriter writer : eventWriters) {
                written.add(writer.finish());
            }
            return new SimulationResult(written, n);
        } finally {
            writers.forEach(DatWriter::close);
            eventWriters.forEach(EventFileWriter::close);
        }
    }

    /** One OutputFile as a run would write it. */
    public record PlannedOutput(String id, String fileName, List<PlannedColumn> columns) {
        public PlannedOutput {
            columns = List.copyOf(columns);
        }
    }

    /** One column after time: the OutputColumn id, its quantity path and the SI unit symbol of its dimension. */
    public record PlannedColumn(String name, String quantity, String unit) {
    }

    /** Every OutputFile's columns, resolved against the built instance tree, without running a step. */
    public List<PlannedOutput> plannedOutputs() {
        Instance root = buildRoot(new TreeBuilder(model, new Engine(seed)));
        List<PlannedOutput> planned = new ArrayList<>();
        for (Component output : simulation.children()) {
            for (SimulationBlock.DataWriter dataWriter : output.type().simulation().dataWriters()) {
                List<PlannedColumn> columns = new ArrayList<>();
                for (Component column : output.children()) {
                    for (SimulationBlock.Record record : column.type().simulation().records()) {
                        String quantity = attribute(column, record.quantity());
                        columns.add(new PlannedColumn(column.id() == null ? quantity : column.id(), quantity,
                                unitOf(root, quantity, column.location())));
                    }
                }
                planned.add(new PlannedOutput(output.id(), attribute(output, dataWriter.fileName()), columns));
            }
        }
        return planned;
    }

    private Instance buildRoot(TreeBuilder builder) {
        String targetId = simulation.texts().get(simulation.type().simulation().runs().get(0).component());
        Component target = targetId == null ? null : model.component(targetId).orElse(null);
        if (target == null) {
            throw new BadInputException(simulation.location(), "the Simulation's target '" + targetId
                    + "' is not defined");
        }
        return builder.build(target);
    }

    /** Instance-steps above which AUTO compiles kernels (compiling costs about a second). */
    private static final double GENERATE_ABOVE_INSTANCE_STEPS = 2.0e7;

    private void useGeneratedKernels(List<Kind> kinds, Instance root, Engine engine) {
        SimulationOptions.Kernels mode = options.kernels() == null ? SimulationOptions.Kernels.AUTO : options.kernels();
        boolean generate = switch (mode) {
            case LAMBDAS -> false;
            case GENERATED -> true;
            case AUTO -> (double) countInstances(root) * steps() > GENERATE_ABOVE_INSTANCE_STEPS;
        };
        if (generate) {
            KernelCompiler.compile(kinds, engine.random).forEach((kind, kernel) -> kind.kernel = kernel);
        }
    }

    private static long countInstances(Instance instance) {
        long count = 1;
        for (Instance child : instance.advanceOrder()) {
            count += countInstances(child);
        }
        return count;
    }

    private void openOutputs(Component holder, Instance root, List<DatWriter> writers,
            List<EventFileWriter> eventWriters) {
        for (Component output : holder.children()) {
            SimulationBlock block = output.type().simulation();
            for (SimulationBlock.DataWriter dataWriter : block.dataWriters()) {
                Path file = outputPath(output, dataWriter.path(), dataWriter.fileName());
                List<DatWriter.Column> columns = new ArrayList<>();
                for (Component column : output.children()) {
                    for (SimulationBlock.Record record : column.type().simulation().records()) {
                        String quantity = attribute(column, record.quantity());
                        columns.add(new DatWriter.Column(column.id() == null ? quantity : column.id(), quantity,
                                unitOf(root, quantity, column.location()), recorded(root, quantity,
                                        column.location())));
                    }
                }
                writers.add(new DatWriter(output.id(), file, columns, String.valueOf(model.source())));
            }
            for (SimulationBlock.EventWriter eventWriter : block.eventWriters()) {
                Path file = outputPath(output, eventWriter.path(), eventWriter.fileName());
                String format = eventWriter.format() == null ? null : output.texts().getOrDefault(eventWriter.format(),
                        output.attributes().get(eventWriter.format()));
                eventWriters.add(new EventFileWriter(output.id(), file, format));
            }
        }
        // event recorders are wired after all structural connections (lems-semantics §2.5)
        for (Component output : holder.children()) {
            for (int w = 0; w < output.type().simulation().eventWriters().size(); w++) {
                EventFileWriter writer = eventWriters.get(indexOfEventWriter(holder, output, w));
                for (Component selection : output.children()) {
                    for (SimulationBlock.EventRecord record : selection.type().simulation().eventRecords()) {
                        String path = attribute(selection, record.quantity());
                        String port = record.eventPort() == null ? null : selection.texts().getOrDefault(
                                record.eventPort(), selection.attributes().get(record.eventPort()));
                        Instance source = InstancePaths.resolve(root, path, selection.location());
                        int outPort = port != null ? source.kind.outPortIndex(port)
                                : source.kind.outPorts.isEmpty() ? -1 : 0;
                        if (outPort < 0) {
                            throw new BadInputException(selection.location(), source.path() + " has no out port "
                                    + (port == null ? "" : "'" + port + "'"));
                        }
                        source.connectRecorder(outPort, new Connection(writer.recorderFor(
                                selection.id() == null ? path : selection.id()), 0.0));
                    }
                }
            }
        }
    }

    private static int indexOfEventWriter(Component holder, Component output, int nth) {
        int index = 0;
        for (Component other : holder.children()) {
            if (other == output) {
                return index + nth;
            }
            index += other.type().simulation().eventWriters().size();
        }
        throw new IllegalStateException("event output not found");
    }

    private static String attribute(Component component, String name) {
        String value = component.texts().get(name);
        if (value == null) {
            value = component.attributes().get(name);
        }
        if (value == null) {
            throw new BadInputException(component.location(), component.describe() + " needs '" + name + "'");
        }
        return value;
    }

    private Path outputPath(Component output, String pathAttribute, String fileNameAttribute) {
        String fileName = attribute(output, fileNameAttribute);
        String folder = pathAttribute == null ? null : output.texts().getOrDefault(pathAttribute,
                output.attributes().get(pathAttribute));
        Path base = options.outputDir() == null ? Path.of("").toAbsolutePath() : options.outputDir();
        Path dir = folder == null ? base : base.resolve(folder);
        return dir.resolve(fileName);
    }

    /** The value a recorder reads for a quantity path: exposure first, else the variable. */
    static Ref recorded(Instance root, String quantity, SourceLocation where) {
        int slash = quantity.lastIndexOf('/');
        Instance at = slash < 0 ? root : InstancePaths.resolve(root, quantity.substring(0, slash), where);
        String variable = quantity.substring(slash + 1);
        Ref ref = at.lookupOwn(variable);
        if (ref == null) {
            throw new BadInputException(where, "quantity '" + quantity + "': " + at.path() + " has no variable '"
                    + variable + "'");
        }
        return ref;
    }

    private String unitOf(Instance root, String quantity, SourceLocation where) {
        int slash = quantity.lastIndexOf('/');
        Instance at = slash < 0 ? root : InstancePaths.resolve(root, quantity.substring(0, slash), where);
        return model.units().siSymbol(dimensionOf(at.kind.type, quantity.substring(slash + 1)));
    }

    private static String dimensionOf(ComponentType type, String variable) {
        for (ComponentType.Exposure e : type.exposures()) {
            if (e.name().equals(variable)) {
                return e.dimension();
            }
        }
        Dynamics dynamics = type.dynamics();
        if (dynamics != null) {
            for (Dynamics.StateVariable s : dynamics.stateVariables()) {
                if (s.name().equals(variable)) {
                    return s.dimension();
                }
            }
            for (Dynamics.DerivedVariable d : dynamics.derivedVariables()) {
                if (d.name().equals(variable)) {
                    return d.dimension();
                }
            }
            for (Dynamics.ConditionalDerivedVariable c : dynamics.conditionalDerivedVariables()) {
                if (c.name().equals(variable)) {
                    return c.dimension();
                }
            }
        }
        for (ComponentType.Parameter p : type.parameters()) {
            if (p.name().equals(variable)) {
                return p.dimension();
            }
        }
        return null;
    }
}
