package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * A TVBO SimulationExperiment. {@code dynamics} is null when the document has none. Unknown top-level
 * fields (observations, execution, ...) are in {@code extras}.
 *
 * <p>Round-trip comparison: records carry source locations, so compare {@link #withoutLocations()} copies
 * (every location set to null) rather than the records read from two different texts.
 */
public record Experiment(String label, String description, Dynamics dynamics, Integration integration,
        Network network, Extras extras, SourceLocation location) {

    public Experiment {
        extras = extras == null ? Extras.NONE : extras;
    }

    public Experiment withoutLocations() {
        return new Experiment(label, description, dynamics == null ? null : dynamics.withoutLocations(),
                integration == null ? null : integration.withoutLocations(),
                network == null ? null : network.withoutLocations(), extras, null);
    }
}
