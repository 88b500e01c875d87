package org.lemsbridge.lems;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lemsbridge.error.SourceLocation;

/**
 * A LEMS document after includes, inheritance and unit conversion: the types by name, all top-level components in
 * document order (and every component with an id, nested ones too), the units, the Lems-level Constants (SI value
 * and declared dimension, by name and by symbol) and the Target, with the report and times files it asks for (null
 * when it asks for none).
 */
public record LemsModel(
        Path source,
        LemsUnits units,
        Map<String, ComponentType> types,
        List<Component> topLevelComponents,
        Map<String, Component> componentsById,
        Map<String, Double> globalConstants,
        Map<String, String> globalConstantDimensions,
        String targetComponentId,
        SourceLocation targetLocation,
        String reportFile,
        String timesFile) {

    public LemsModel {
        types = Collections.unmodifiableMap(new LinkedHashMap<>(types));
        topLevelComponents = List.copyOf(topLevelComponents);
        componentsById = Collections.unmodifiableMap(new LinkedHashMap<>(componentsById));
        globalConstants = Collections.unmodifiableMap(new LinkedHashMap<>(globalConstants));
        globalConstantDimensions = Collections.unmodifiableMap(new LinkedHashMap<>(globalConstantDimensions));
    }

    public Optional<Component> component(String id) {
        return Optional.ofNullable(componentsById.get(id));
    }

    public Optional<ComponentType> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /**
     * A component of {@code type} with no values of its own (its constants and what derives from them only), as
     * jLEMS creates the members of a {@code MultiInstantiate componentType=...}.
     */
    public Component blankComponent(ComponentType type, SourceLocation where) {
        return new Component(null, type, null, Map.of(), ComponentValues.of(type, Map.of(), units, where), Map.of(),
                List.of(), where);
    }

    /** The Simulation component named by {@code <Target component=...>}, if any. */
    public Optional<Component> targetSimulation() {
        return targetComponentId == null ? Optional.empty() : component(targetComponentId);
    }

    /**
     * The run the Target asks for; empty when the model has no Target. A Target that is not a runnable Simulation
     * (no {@code <Run>} in its type, no step or length, a seed that is not an integer) is refused.
     */
    public Optional<TargetRun> targetRun() {
        return targetSimulation().map(TargetRun::of);
    }

    /** True if {@code type} is {@code ancestorName} or extends it, directly or not. */
    public boolean isA(ComponentType type, String ancestorName) {
        ComponentType current = type;
        int guard = 0;
        while (current != null && guard++ < 100) {
            if (current.name().equals(ancestorName)) {
                return true;
            }
            current = current.extendsName() == null ? null : types.get(current.extendsName());
        }
        return false;
    }
}
