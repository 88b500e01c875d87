package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * An equation as the user wrote it: {@code rhs} is kept as text (SymPy syntax) for the converter to parse;
 * {@code rhsLocation} points at the rhs scalar itself, also for the shortcut {@code equation: "x+1"}.
 * {@code lhs} and {@code rhs} are null when absent.
 */
public record Equation(String lhs, String rhs, Extras extras, SourceLocation rhsLocation) {

    public Equation {
        extras = extras == null ? Extras.NONE : extras;
    }

    public static Equation of(String rhs) {
        return new Equation(null, rhs, Extras.NONE, null);
    }

    public Equation withoutLocations() {
        return new Equation(lhs, rhs, extras, null);
    }

    static Equation stripped(Equation equation) {
        return equation == null ? null : equation.withoutLocations();
    }
}
