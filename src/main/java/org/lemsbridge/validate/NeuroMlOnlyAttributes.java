package org.lemsbridge.validate;

import java.util.Map;
import java.util.Set;

/**
 * Attributes NeuroML's schema (v2.3.1) allows on an element whose ComponentType in the NeuroML core types does not
 * declare them: places on a morphology ({@code segment}, {@code segmentGroup}), references a cell resolves by id,
 * grid indices. They are valid NeuroML, and neither jLEMS nor our simulator reads them as values, so they are not
 * findings. Keyed by the ComponentType (or an ancestor)
 * the element names, or by the element's name where it is the role of a Child.
 */
final class NeuroMlOnlyAttributes {

    private static final Set<String> SEGMENT = Set.of("segment");
    private static final Set<String> CONNECTION_ENDS = Set.of("preCell", "preSegment", "preFractionAlong", "postCell",
            "postSegment", "postFractionAlong");

    private static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry("cell", Set.of("morphology", "biophysicalProperties")),
            Map.entry("cell2CaPools", Set.of("morphology", "biophysicalProperties")),
            Map.entry("channelDensity", SEGMENT),
            Map.entry("channelDensityGHK", SEGMENT),
            Map.entry("channelDensityGHK2", SEGMENT),
            Map.entry("channelDensityNernst", SEGMENT),
            Map.entry("channelDensityNernstCa2", SEGMENT),
            Map.entry("channelDensityVShift", SEGMENT),
            Map.entry("channelPopulation", Set.of("segment", "segmentGroup")),
            Map.entry("continuousConnection", CONNECTION_ENDS),
            Map.entry("electricalConnection", CONNECTION_ENDS),
            Map.entry("distal", Set.of("normalizationEnd")),
            Map.entry("proximal", Set.of("translationStart")),
            Map.entry("initMembPotential", Set.of("segmentGroup")),
            Map.entry("spikeThresh", Set.of("segmentGroup")),
            Map.entry("instance", Set.of("i", "j", "k")),
            Map.entry("network", Set.of("temperature")),
            Map.entry("population", Set.of("extracellularProperties")),
            Map.entry("region", Set.of("space")),
            // an element, not a type: <q10Settings type="q10Fixed" ...> may carry any Q10 setting's attributes
            Map.entry("q10Settings", Set.of("fixedQ10", "q10Factor", "experimentalTemp")));

    private NeuroMlOnlyAttributes() {
    }

    static Set<String> of(String typeOrElement) {
        return typeOrElement == null ? Set.of() : BY_TYPE.getOrDefault(typeOrElement, Set.of());
    }
}
