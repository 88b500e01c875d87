package org.lemsbridge.tree;

/**
 * A KineticScheme bound to its instances: each transition's source and target state (indices into the nodes list),
 * its forward and reverse rates, and each state's occupancy as it is read (exposure first) and written.
 */
public record SchemeBinding(int[][] transitions, Ref[] forward, Ref[] reverse, Ref[] occupancyRead,
        Ref[] occupancyWrite) {
}
