package org.lemsbridge.lems;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * What the Target runs, read once for the simulator, the validator and import: the Simulation component, the id of
 * the component it runs, its step and length under the names its type's {@code <Run>} gives them (NeuroML's
 * Simulation calls them {@code step} and {@code length}; another Simulation type may not), and the seed it asks for.
 */
public record TargetRun(Component simulation, String target, Quantity step, Quantity length, OptionalLong seed) {

    /** A run parameter: its name in the Simulation type, its value in SI and the text the file wrote for it. */
    public record Quantity(String name, double si, String written) {
    }

    /** Where the Simulation component was written. */
    public SourceLocation location() {
        return simulation.location();
    }

    /**
     * The run of {@code simulation} as its type's first {@code <Run>} describes it; a component whose type has no
     * Run, that lacks the step or the length, or whose seed is not an integer is refused.
     */
    static TargetRun of(Component simulation) {
        List<SimulationBlock.Run> runs = simulation.type().simulation().runs();
        if (runs.isEmpty()) {
            throw new BadInputException(simulation.location(), simulation.describe()
                    + " is not a Simulation (its type has no <Run>)");
        }
        SimulationBlock.Run run = runs.get(0);
        String target = run.component() == null ? null : simulation.textOrAttribute(run.component()).orElse(null);
        return new TargetRun(simulation, target, quantity(simulation, run.increment()),
                quantity(simulation, run.total()), seed(simulation));
    }

    private static Quantity quantity(Component simulation, String name) {
        Double value = name == null ? null : simulation.values().get(name);
        if (value == null) {
            throw new BadInputException(simulation.location(), simulation.describe() + " needs '" + name + "'");
        }
        return new Quantity(name, value, simulation.textOrAttribute(name).orElse(null));
    }

    private static OptionalLong seed(Component simulation) {
        Optional<String> written = simulation.textOrAttribute("seed");
        if (written.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(written.get().trim()));
        } catch (NumberFormatException e) {
            throw new BadInputException(simulation.location(), "seed '" + written.get() + "' is not an integer");
        }
    }
}
