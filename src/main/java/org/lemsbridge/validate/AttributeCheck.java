package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.error.NearestName;
import org.lemsbridge.lems.AttributePlaces;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;

/**
 * Every attribute of a component is something its ComponentType (or one it extends) declares, and every Parameter
 * of the type has a value. Both are reported at the component, in the user's file, naming the attribute; a
 * misspelled one gets the declared name it is closest to. A parameter left out would otherwise surface only when
 * the simulator compiles the type's expressions, as an unknown name inside the file that defines the type.
 */
final class AttributeCheck {

    /**
     * Attributes any component may have: its id and name, the type it is given by ({@code <Component type>}, or a
     * subtype of a Child's declared type), the prototype it extends, and the annotations NeuroML puts on any element.
     */
    static final Set<String> ANY_COMPONENT = Set.of("id", "name", "type", "extends", "metaid", "neuroLexId");

    private final LemsModel model;
    private final List<Finding> findings = new ArrayList<>();
    private final AttributePlaces places = new AttributePlaces();
    /** Per type, computed once: a model may have a hundred thousand components of one type. */
    private final Map<ComponentType, Set<String>> declaredByType = new IdentityHashMap<>();
    private final Map<ComponentType, Set<String>> fixedByType = new IdentityHashMap<>();

    private AttributeCheck(LemsModel model) {
        this.model = model;
    }

    static List<Finding> check(LemsModel model) {
        AttributeCheck check = new AttributeCheck(model);
        model.topLevelComponents().forEach(check::visit);
        return List.copyOf(check.findings);
    }

    private void visit(Component component) {
        Set<String> declared = declaredByType.computeIfAbsent(component.type(), this::declaredAttributes);
        Set<String> forRole = NeuroMlOnlyAttributes.of(component.role());
        for (String attribute : component.attributes().keySet()) {
            if (!declared.contains(attribute) && !forRole.contains(attribute) && !ANY_COMPONENT.contains(attribute)
                    && !attribute.contains(":")) {
                Set<String> allowed = new LinkedHashSet<>(declared);
                allowed.addAll(forRole);
                findings.add(Finding.error(Code.UNKNOWN_ATTRIBUTE, places.of(component.location(), attribute),
                        component.describe() + " has no attribute '" + attribute + "'", hint(attribute, allowed)));
            }
        }
        Set<String> fixed = fixedByType.computeIfAbsent(component.type(), AttributeCheck::fixedParameters);
        for (ComponentType.Parameter parameter : component.type().parameters()) {
            if (!fixed.contains(parameter.name()) && !component.attributes().containsKey(parameter.name())) {
                findings.add(Finding.error(Code.MISSING_PARAMETER, component.location(), component.describe()
                        + " gives no value for its parameter '" + parameter.name() + "'" + dimension(parameter),
                        "add " + parameter.name() + "=\"...\" to the component"));
            }
        }
        component.children().forEach(this::visit);
    }

    private static Set<String> fixedParameters(ComponentType type) {
        Set<String> fixed = new HashSet<>();
        type.fixed().forEach(f -> fixed.add(f.parameter()));
        return fixed;
    }

    private static String dimension(ComponentType.Parameter parameter) {
        String dimension = parameter.dimension();
        return dimension == null || dimension.equals("none") ? "" : " (" + dimension + ")";
    }

    private static String hint(String attribute, Set<String> declared) {
        return NearestName.among(declared, attribute).map(name -> "did you mean '" + name + "'?")
                .orElse(declared.isEmpty() ? "its type declares no attributes"
                        : "its type declares: " + String.join(", ", declared));
    }

    /** What the type and its ancestors let a component write: values, texts, paths, references and links. */
    private Set<String> declaredAttributes(ComponentType type) {
        Set<String> names = new LinkedHashSet<>();
        ComponentType current = type;
        for (int guard = 0; current != null && guard < 100; guard++) {
            current.parameters().forEach(p -> names.add(p.name()));
            current.properties().forEach(p -> names.add(p.name()));
            names.addAll(current.texts());
            names.addAll(current.paths());
            current.componentReferences().forEach(r -> names.add(r.name()));
            current.links().forEach(l -> names.add(l.name()));
            names.addAll(NeuroMlOnlyAttributes.of(current.name()));
            current = current.extendsName() == null ? null : model.types().get(current.extendsName());
        }
        return names;
    }
}
