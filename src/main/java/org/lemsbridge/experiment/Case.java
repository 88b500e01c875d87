package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * One case of a conditional derived variable. {@code condition} is null for the default case;
 * {@code location} points at the condition scalar (or at the case itself when it has no condition).
 */
public record Case(String condition, Equation equation, SourceLocation location, Extras extras) {

    public Case {
        extras = extras == null ? Extras.NONE : extras;
    }

    public Case(String condition, Equation equation, SourceLocation location) {
        this(condition, equation, location, Extras.NONE);
    }

    public Case withoutLocations() {
        return new Case(condition, Equation.stripped(equation), null, extras);
    }
}
