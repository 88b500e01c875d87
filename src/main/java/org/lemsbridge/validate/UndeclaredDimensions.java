package org.lemsbridge.validate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.XmlElement;

/**
 * Which variables are declared without a {@code dimension} attribute. The reader reads such a variable as
 * dimensionless, but jLEMS leaves its dimension open, so the dimension check infers it from the expression instead.
 */
final class UndeclaredDimensions {

    private static final Set<String> VARIABLES = Set.of("StateVariable", "DerivedVariable",
            "ConditionalDerivedVariable");
    private static final Set<String> DYNAMICS = Set.of("Dynamics", "Behavior", "Behaviour");

    /** type name -> variable name -> whether it was written with a dimension, from each type's own Dynamics. */
    private final Map<String, Map<String, Boolean>> declared;

    private UndeclaredDimensions(Map<String, Map<String, Boolean>> declared) {
        this.declared = declared;
    }

    static UndeclaredDimensions of(List<XmlElement> elements) {
        Map<String, Map<String, Boolean>> declared = new HashMap<>();
        for (XmlElement element : elements) {
            String type = element.attributeOr("name", null);
            if (!element.tag().equals("ComponentType") || type == null || declared.containsKey(type)) {
                continue;
            }
            Map<String, Boolean> variables = new HashMap<>();
            for (XmlElement dynamics : element.children()) {
                if (!DYNAMICS.contains(dynamics.tag())) {
                    continue;
                }
                for (XmlElement member : dynamics.children()) {
                    if (VARIABLES.contains(member.tag()) && member.attribute("name").isPresent()) {
                        variables.put(member.attributeOr("name", ""), member.attribute("dimension").isPresent());
                    }
                }
            }
            declared.put(type, variables);
        }
        return new UndeclaredDimensions(declared);
    }

    /**
     * True if {@code variable} of {@code type} was written without a dimension, in the nearest type (the type or an
     * ancestor) whose Dynamics declares it.
     */
    boolean isOpen(LemsModel model, ComponentType type, String variable) {
        ComponentType current = type;
        for (int guard = 0; current != null && guard < 100; guard++) {
            Boolean hasDimension = declared.getOrDefault(current.name(), Map.of()).get(variable);
            if (hasDimension != null) {
                return !hasDimension;
            }
            current = current.extendsName() == null ? null : model.types().get(current.extendsName());
        }
        return false;
    }
}
