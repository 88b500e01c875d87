package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/** The network; only the node count is modelled so far, everything else (nodes, edges, ...) is in extras. */
public record Network(int numberOfNodes, Extras extras, SourceLocation location) {

    public Network {
        extras = extras == null ? Extras.NONE : extras;
    }

    public static Network single(SourceLocation location) {
        return new Network(1, Extras.NONE, location);
    }

    public Network withoutLocations() {
        return new Network(numberOfNodes, extras, null);
    }
}
