package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * A parameter, or a derived parameter (then {@code equation} is set). {@code value} is null when absent,
 * {@code unit} null when none was given.
 */
public record Parameter(String name, Double value, String unit, String description, Equation equation,
        Extras extras, SourceLocation location) {

    public Parameter {
        extras = extras == null ? Extras.NONE : extras;
    }

    public Parameter withoutLocations() {
        return new Parameter(name, value, unit, description, Equation.stripped(equation), extras, null);
    }
}
