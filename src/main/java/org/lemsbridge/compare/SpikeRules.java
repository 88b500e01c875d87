package org.lemsbridge.compare;

import java.util.Map;

/**
 * Spike rules known from the models behind the traces, by quantity path: {@code byReference} in SI (say, from the
 * LEMS file that wrote the reference), {@code byCandidate} in the candidate column's own unit (from the candidate's
 * model; converted to SI with the column). A column with neither gets a rule detected from its trace.
 */
public record SpikeRules(Map<String, SpikeRule> byReference, Map<String, SpikeRule> byCandidate) {

    public SpikeRules {
        byReference = Map.copyOf(byReference);
        byCandidate = Map.copyOf(byCandidate);
    }

    public static SpikeRules none() {
        return new SpikeRules(Map.of(), Map.of());
    }
}
