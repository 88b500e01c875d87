package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.Structure;
import org.lemsbridge.lems.TargetRun;

/**
 * The size of a run, counted from the model without building it: the instances the Target's component makes (each
 * component, its children, ChildInstance and MultiInstantiate members, multiplied out), the instance-steps the run
 * takes, and the heap the instances need against the heap this JVM may use. A population of 10^8 cells is refused
 * here in one line instead of after a minute and an OutOfMemoryError.
 */
public final class RunSize {

    /** The most instances (cells, their inputs, their channels, ...) a run may build: ten million. */
    public static final long MAX_INSTANCES = 10_000_000L;

    /** The most instance-steps a run may take: 10^12, over an hour at the measured 2e8 neuron-steps per second. */
    public static final double MAX_INSTANCE_STEPS = 1e12;

    /**
     * Heap per instance used for the estimate: about twice what was measured (a million iafTauCells held 530 MB
     * live after building; 100 000 Izhikevich cells with their pulse inputs 132 MB).
     */
    static final long BYTES_PER_INSTANCE = 1024;

    private static final int DEEPEST = 100;

    private final LemsModel model;

    private RunSize(LemsModel model) {
        this.model = model;
    }

    /** The problems with the size of the Target's run of {@code model}, given the heap this JVM may use. */
    public static List<Finding> check(LemsModel model) {
        return check(model, Runtime.getRuntime().maxMemory());
    }

    static List<Finding> check(LemsModel model, long maxHeap) {
        Optional<TargetRun> run;
        try {
            run = model.targetRun();
        } catch (BadInputException reportedByRunLimits) {
            return List.of();
        }
        if (run.isEmpty() || run.get().target() == null) {
            return List.of();
        }
        Component root = model.componentsById().get(run.get().target());
        if (root == null) {
            return List.of();
        }
        RunSize size = new RunSize(model);
        List<Finding> findings = new ArrayList<>();
        Count count = size.count(root, null, 0);
        SourceLocation where = count.largest() != null ? count.largest() : run.get().location();
        double instances = count.instances();
        if (instances > MAX_INSTANCES) {
            findings.add(Finding.error(Code.RUN_SIZE, where, "the run would build " + number(instances)
                    + " instances, more than the limit of " + number(MAX_INSTANCES), "check the population sizes"));
            return findings;
        }
        double steps = Math.rint(run.get().length().si() / run.get().step().si());
        if (Double.isFinite(steps) && instances * steps > MAX_INSTANCE_STEPS) {
            findings.add(Finding.error(Code.RUN_SIZE, run.get().location(), "the run would take " + number(instances)
                    + " instances x " + number(steps) + " steps = " + number(instances * steps)
                    + " instance-steps, more than the limit of " + number(MAX_INSTANCE_STEPS),
                    "shorten the run, enlarge the step or make the network smaller"));
        }
        double bytes = instances * BYTES_PER_INSTANCE;
        if (bytes > maxHeap) {
            long gibibytes = (long) Math.ceil(bytes / (1L << 30)) + 1;
            findings.add(Finding.error(Code.RUN_SIZE, where, "the run's " + number(instances)
                    + " instances need about " + gib(bytes) + " of heap, more than the " + gib(maxHeap)
                    + " this JVM may use", "run with LEMSBRIDGE_JAVA_OPTS=-Xmx" + gibibytes + "g (if the machine"
                            + " has the memory)"));
        }
        return findings;
    }

    /** Instances under a component, and where the largest MultiInstantiate among them was written. */
    private record Count(double instances, SourceLocation largest, double largestNumber) {
    }

    private Count count(Component component, Component parent, int depth) {
        if (depth > DEEPEST) {
            return new Count(1, null, 0);
        }
        double instances = 1;
        SourceLocation largest = null;
        double largestNumber = 0;
        for (Component child : component.children()) {
            Count inner = count(child, component, depth + 1);
            instances += inner.instances();
            if (inner.largestNumber() > largestNumber) {
                largest = inner.largest();
                largestNumber = inner.largestNumber();
            }
        }
        for (Structure.Item item : component.type().structure().items()) {
            if (item instanceof Structure.ChildInstance childInstance) {
                Component built = referenced(component, parent, childInstance.component());
                if (built != null) {
                    instances += count(built, component, depth + 1).instances();
                }
            } else if (item instanceof Structure.MultiInstantiate multi) {
                Double number = component.values().get(multi.number());
                if (number == null || !(number > 0)) {
                    continue;
                }
                Component member = multi.componentType() != null ? null
                        : referenced(component, parent, multi.component());
                Count each = member == null ? new Count(1, null, 0) : count(member, component, depth + 1);
                instances += number * each.instances();
                if (number >= largestNumber) {
                    largest = component.location();
                    largestNumber = number;
                }
            }
        }
        return new Count(instances, largest, largestNumber);
    }

    private Component referenced(Component component, Component parent, String reference) {
        if (reference == null) {
            return null;
        }
        Component owner = reference.startsWith("../") ? parent : component;
        String name = reference.substring(reference.lastIndexOf('/') + 1);
        String id = owner == null ? null : owner.texts().get(name);
        return id == null ? null : model.componentsById().get(id);
    }

    private static String number(double value) {
        return value < 1e10 ? String.format(Locale.ROOT, "%,.0f", value).replace(',', ' ')
                : String.format(Locale.ROOT, "%.3g", value);
    }

    private static String gib(double bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (1L << 30));
        }
        return bytes >= 1L << 20 ? String.format(Locale.ROOT, "%.0f MiB", bytes / (1L << 20))
                : String.format(Locale.ROOT, "%.0f KiB", bytes / 1024);
    }
}
