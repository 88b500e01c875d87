package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * A state variable; {@code equation.rhs} is its time derivative. {@code initialValue} is 0.1 when the
 * document gives none ({@code initialValueGiven} false). {@code variableOfInterest} defaults to true.
 */
public record StateVariable(String name, Equation equation, double initialValue, boolean initialValueGiven,
        String unit, boolean variableOfInterest, Extras extras, SourceLocation location) {

    public static final double DEFAULT_INITIAL_VALUE = 0.1;

    public StateVariable {
        extras = extras == null ? Extras.NONE : extras;
    }

    public StateVariable withoutLocations() {
        return new StateVariable(name, Equation.stripped(equation), initialValue, initialValueGiven, unit,
                variableOfInterest, extras, null);
    }
}
