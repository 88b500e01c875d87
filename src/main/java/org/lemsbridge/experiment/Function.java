package org.lemsbridge.experiment;

import java.util.List;

import org.lemsbridge.error.SourceLocation;

/** A user function {@code name(arguments) = equation.rhs}, inlined by the converter. */
public record Function(String name, List<String> arguments, Equation equation, Extras extras,
        SourceLocation location) {

    public Function {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        extras = extras == null ? Extras.NONE : extras;
    }

    public Function withoutLocations() {
        return new Function(name, arguments, Equation.stripped(equation), extras, null);
    }
}
