package org.lemsbridge.lems;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Evaluator;

/**
 * A component's numeric values in SI: its type's constants, its parameters (a Fixed value wins over the attribute)
 * and the derived parameters given by a value expression, in that order.
 */
final class ComponentValues {

    private ComponentValues() {
    }

    static Map<String, Double> of(ComponentType type, Map<String, String> attributes, LemsUnits units,
            SourceLocation where) {
        return of(type, attributes, units, where, problem -> {
            throw problem.problem();
        });
    }

    /**
     * As {@link #of(ComponentType, Map, LemsUnits, SourceLocation)}, handing each value that cannot be read (an
     * unknown unit, a unit of another dimension) to {@code problems} and leaving it out, instead of stopping.
     */
    static Map<String, Double> of(ComponentType type, Map<String, String> attributes, LemsUnits units,
            SourceLocation where, Consumer<ValueProblem> problems) {
        if (type.constants().isEmpty() && type.parameters().isEmpty() && type.derivedParameters().isEmpty()) {
            return Collections.emptyMap(); // an explicitInput: nothing to read, a hundred thousand times
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (ComponentType.Constant constant : type.constants()) {
            values.put(constant.name(), units.toSi(constant.value(), constant.dimension(), where));
        }
        Map<String, String> fixedValues = type.fixed().isEmpty() ? java.util.Collections.emptyMap() : new HashMap<>();
        for (ComponentType.Fixed fixed : type.fixed()) {
            fixedValues.put(fixed.parameter(), fixed.value());
        }
        for (ComponentType.Parameter parameter : type.parameters()) {
            String fixed = fixedValues.get(parameter.name());
            String text = fixed != null ? fixed : attributes.get(parameter.name());
            if (text != null) {
                try {
                    values.put(parameter.name(), units.toSi(text, parameter.dimension(), where));
                } catch (BadInputException e) {
                    problems.accept(new ValueProblem(fixed != null ? null : parameter.name(), new BadInputException(
                            e.location(), (fixed != null ? "the Fixed value of '" : "parameter '") + parameter.name()
                                    + "' of " + type.name() + ": " + e.getMessage(), e.hint())));
                }
            }
        }
        for (ComponentType.DerivedParameter derived : type.derivedParameters()) {
            if (derived.value() != null) {
                Function<String, Double> known = values::get;
                double value = Evaluator.evaluate(derived.value(), name -> {
                    Double v = known.apply(name);
                    return v == null ? Double.NaN : v;
                });
                values.put(derived.name(), value);
            }
        }
        return values;
    }
}
