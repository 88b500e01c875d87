package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * A TVBO SimulationExperiment. {@code dynamics} is null when the document has none. Unknown top-level
 * fields (observations, execution, ...) are in {@code extras}. {@code modelFile}: read from a model file of TVBO's
 * database on its own, so the integration and the network are TVBO's defaults rather than written.
 *
 * <p>Round-trip comparison: records carry source locations, so compare {@link #withoutLocations()} copies
 * (every location set to null) rather than the records read from two different texts.
 */
public record Experiment(String label, String description, Dynamics dynamics, Integration integration,
        Network network, Extras extras, SourceLocation location, boolean modelFile) {

    public Experiment {
        extras = extras == null ? Extras.NONE : extras;
    }

    public Experiment(String label, String description, Dynamics dynamics, Integration integration, Network network,
            Extras extras, SourceLocation location) {
        this(label, description, dynamics, integration, network, extras, location, false);
    }

    public Experiment withoutLocations() {
        return new Experiment(label, description, dynamics == null ? null : dynamics.withoutLocations(),
                integration == null ? null : integration.withoutLocations(),
                network == null ? null : network.withoutLocations(), extras, null, modelFile);
    }
}
