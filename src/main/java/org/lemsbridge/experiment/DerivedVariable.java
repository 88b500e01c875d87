package org.lemsbridge.experiment;

import java.util.List;

import org.lemsbridge.error.SourceLocation;

/** A derived variable: an equation, or (with {@code conditional}) a list of cases. */
public record DerivedVariable(String name, Equation equation, String unit, boolean conditional, List<Case> cases,
        Extras extras, SourceLocation location) {

    public DerivedVariable {
        cases = cases == null ? List.of() : List.copyOf(cases);
        extras = extras == null ? Extras.NONE : extras;
    }

    public DerivedVariable withoutLocations() {
        return new DerivedVariable(name, Equation.stripped(equation), unit, conditional,
                cases.stream().map(Case::withoutLocations).toList(), extras, null);
    }
}
