package org.lemsbridge.experiment;

import java.util.Objects;
import org.lemsbridge.error.SourceLocation;

/**
 * One piece of an equation written as TVBO's {@code conditionals}: where {@code condition} holds, the equation's value
 * is {@code expression} (both SymPy text). The locations point at the two scalars, or are null.
 */
public record Conditional(String condition, String expression, SourceLocation conditionLocation,
        SourceLocation expressionLocation) {

    public Conditional {
        Objects.requireNonNull(condition);
        Objects.requireNonNull(expression);
    }

    public Conditional withoutLocations() {
        return new Conditional(condition, expression, null, null);
    }
}
