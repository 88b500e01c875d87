package org.lemsbridge.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.lemsbridge.error.SourceLocation;

/** A model: its parameters, variables, events and functions, each map keyed by name in document order. */
public record Dynamics(String name, String label, String iri, Map<String, Parameter> parameters,
        Map<String, Parameter> derivedParameters, Map<String, DerivedVariable> derivedVariables,
        Map<String, StateVariable> stateVariables, Map<String, Event> events, Map<String, Function> functions,
        Extras extras, SourceLocation location, String description) {

    public static final String DEFAULT_NAME = "Generic2dOscillator";

    public Dynamics {
        parameters = ordered(parameters);
        derivedParameters = ordered(derivedParameters);
        derivedVariables = ordered(derivedVariables);
        stateVariables = ordered(stateVariables);
        events = ordered(events);
        functions = ordered(functions);
        extras = extras == null ? Extras.NONE : extras;
    }

    public Dynamics(String name, String label, String iri, Map<String, Parameter> parameters,
            Map<String, Parameter> derivedParameters, Map<String, DerivedVariable> derivedVariables,
            Map<String, StateVariable> stateVariables, Map<String, Event> events, Map<String, Function> functions,
            Extras extras, SourceLocation location) {
        this(name, label, iri, parameters, derivedParameters, derivedVariables, stateVariables, events, functions,
                extras, location, null);
    }

    /** Whether this is a map ({@code system_type: discrete}): each state's equation gives its next value. */
    public boolean isMap() {
        return extras.get("system_type") instanceof RawValue.Scalar s && s.text().trim().equalsIgnoreCase("discrete");
    }

    public Dynamics withoutLocations() {
        return new Dynamics(name, label, iri, map(parameters, Parameter::withoutLocations),
                map(derivedParameters, Parameter::withoutLocations),
                map(derivedVariables, DerivedVariable::withoutLocations),
                map(stateVariables, StateVariable::withoutLocations), map(events, Event::withoutLocations),
                map(functions, Function::withoutLocations), extras, null, description);
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <V> Map<String, V> map(Map<String, V> map, UnaryOperator<V> f) {
        LinkedHashMap<String, V> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, f.apply(v)));
        return out;
    }
}
