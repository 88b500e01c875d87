package org.lemsbridge.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.units.Dimension;

/**
 * The fixed quantities of one component as jLEMS folds them into its expressions: parameters (fixed ones too),
 * derived parameters, type constants and properties, in that order (then any Lems-level Constants read), each with its SI value and the quantity the YAML
 * writes (the number and unit the LEMS text used, when that converts back exactly).
 */
final class ComponentConstants {

    /** One fixed quantity: SI value, YAML form, and what kind of LEMS member it was. */
    record Entry(String name, double si, ImportedQuantity quantity, String kind) {
    }

    private ComponentConstants() {
    }

    /** {@code propertyValues}: per-instance property values (e.g. an input's weight); defaults apply otherwise. */
    static Map<String, Entry> of(Component component, LemsModel model, Map<String, Double> propertyValues) {
        ComponentType type = component.type();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (ComponentType.Parameter p : type.parameters()) {
            double si = required(component, p.name());
            entries.put(p.name(), new Entry(p.name(), si, ImportedQuantity.of(component.attributes().get(p.name()), si,
                    dimension(model, p.dimension(), component), model.units().table()), "parameter"));
        }
        for (ComponentType.DerivedParameter p : type.derivedParameters()) {
            double si = required(component, p.name());
            entries.put(p.name(), new Entry(p.name(), si, ImportedQuantity.inSi(si,
                    dimension(model, p.dimension(), component), model.units().table()), "derived parameter"));
        }
        for (ComponentType.Constant c : type.constants()) {
            double si = required(component, c.name());
            entries.put(c.name(), new Entry(c.name(), si, ImportedQuantity.of(c.value(), si,
                    dimension(model, c.dimension(), component), model.units().table()), "constant"));
        }
        for (ComponentType.Property p : type.properties()) {
            double value = propertyValues.getOrDefault(p.name(), p.defaultValue());
            entries.put(p.name(), new Entry(p.name(), value, ImportedQuantity.inSi(value,
                    dimension(model, p.dimension(), component), model.units().table()), "property"));
        }
        return entries;
    }

    /**
     * Adds the Lems-level Constants among {@code symbols} that the component does not shadow, as jLEMS lets an
     * expression read them; their dimension is the Constant's declared one.
     */
    static Map<String, Entry> withLemsConstants(Map<String, Entry> entries, Set<String> symbols, LemsModel model,
            Component component) {
        Map<String, Entry> all = new LinkedHashMap<>(entries);
        for (String symbol : symbols) {
            Double si = model.globalConstants().get(symbol);
            if (si != null && !all.containsKey(symbol)) {
                Dimension dimension = dimension(model, model.globalConstantDimensions().get(symbol), component);
                all.put(symbol, new Entry(symbol, si, ImportedQuantity.inSi(si, dimension, model.units().table()),
                        "Lems-level constant"));
            }
        }
        return all;
    }

    static Dimension dimension(LemsModel model, String name, Component where) {
        if (name == null || name.isBlank() || name.equals("none")) {
            return Dimension.NONE;
        }
        return model.units().dimension(name).orElseThrow(() -> new BadInputException(where.location(),
                "unknown dimension '" + name + "' in " + where.describe()));
    }

    private static double required(Component component, String name) {
        return component.value(name).orElseThrow(() -> new BadInputException(component.location(),
                component.describe() + " gives no value for '" + name + "'"));
    }
}
