package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.lems.XmlElement;
import org.lemsbridge.util.Mapped;

/**
 * Structural checks on a LEMS document as written: duplicate ids among siblings, duplicate type names, unknown
 * types (of components and of {@code extends}), prototypes that do not exist, and the Target. These are exactly
 * the mistakes that stop the reader, found here all at once and with their places.
 */
final class StructureCheck {

    /** Elements that are not components, as the reader has them. */
    private static final Set<String> NOT_COMPONENTS = LemsReader.NOT_COMPONENTS;

    private final Map<String, XmlElement> types = new LinkedHashMap<>();
    private final Map<String, XmlElement> topLevelIds = new HashMap<>();
    private final Set<String> allIds = new HashSet<>();
    /** childType's answers by parent type and tag: a network may hold a hundred thousand elements of one tag. */
    private final Map<String, Map<String, Optional<String>>> childTypes = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();

    private StructureCheck() {
    }

    static List<Finding> check(List<XmlElement> elements) {
        StructureCheck check = new StructureCheck();
        check.run(elements);
        return List.copyOf(check.findings);
    }

    private void run(List<XmlElement> elements) {
        for (XmlElement element : elements) {
            if (element.tag().equals("ComponentType")) {
                element.attribute("name").ifPresent(name -> {
                    XmlElement first = types.putIfAbsent(name, element);
                    if (first != null) {
                        findings.add(Finding.warning(Code.DUPLICATE_TYPE, element.location(),
                                "ComponentType '" + name + "' is defined again (first at " + first.location()
                                        + "); the first definition is used", null));
                    }
                });
            }
        }
        for (XmlElement type : types.values()) {
            type.attribute("extends").filter(parent -> !types.containsKey(parent)).ifPresent(parent -> findings.add(
                    Finding.error(Code.UNKNOWN_TYPE, type.location(), "ComponentType '" + type.attributeOr("name", "")
                            + "' extends '" + parent + "', which is not defined", includeHint())));
        }
        List<XmlElement> components = Mapped.filtered(elements, e -> !NOT_COMPONENTS.contains(e.tag()));
        duplicates(components, null);
        for (XmlElement component : components) {
            component.attribute("id").ifPresent(id -> topLevelIds.putIfAbsent(id, component));
        }
        for (XmlElement component : components) {
            component(component, null);
        }
        checkTargets(elements);
    }

    private void component(XmlElement element, String parentType) {
        element.attribute("id").ifPresent(allIds::add);
        Optional<String> declared = parentType == null ? Optional.empty() : childType(parentType, element.tag());
        String explicit = element.attributeOr("type", null);
        String typeName = declared.isPresent() ? element.attributeOr("type", declared.get())
                : explicit != null && types.containsKey(explicit) ? explicit
                : element.tag().equals("Component") || !types.containsKey(element.tag())
                        ? element.attributeOr("type", element.tag().equals("Component") ? null : element.tag())
                        : element.tag();
        if (typeName == null) {
            findings.add(Finding.error(Code.UNKNOWN_TYPE, element.location(), "<Component> needs a 'type' attribute",
                    null));
            return;
        }
        if (explicit != null && !types.containsKey(explicit) && !typeName.equals(explicit)) {
            findings.add(Finding.error(Code.UNKNOWN_TYPE, element.location(), "<" + element.tag() + "> has type '"
                    + explicit + "', which is not a known ComponentType", nameHint(explicit, null)
                            .orElse(includeHint())));
            return;
        }
        if (!types.containsKey(typeName)) {
            findings.add(Finding.error(Code.UNKNOWN_TYPE, element.location(), "<" + element.tag()
                    + "> is not a known ComponentType" + (typeName.equals(element.tag()) ? "" : " (type '"
                            + typeName + "')"), nameHint(typeName, parentType).orElse(includeHint())));
            return;
        }
        if (parentType != null && declared.isEmpty() && !element.tag().equals("Component")
                && !types.containsKey(element.tag()) && !inACollection(parentType, typeName)) {
            // <reverseRatex type="HHExpRate"> would be a nameless member: what selects reverseRate finds nothing
            findings.add(Finding.error(Code.UNKNOWN_TYPE, element.location(), "<" + element.tag() + "> is neither a"
                    + " Child or Children of '" + parentType + "' nor a ComponentType", nameHint(element.tag(),
                            parentType).orElse("its type declares the children: " + String.join(", ",
                                    childNames(parentType)))));
            return;
        }
        element.attribute("extends").filter(prototype -> !topLevelIds.containsKey(prototype)).ifPresent(prototype ->
                findings.add(Finding.error(Code.DANGLING_REFERENCE, element.location(), "component extends '"
                        + prototype + "', but no top-level component has that id", null)));
        if (element.children().isEmpty()) {
            return;
        }
        List<XmlElement> nested = Mapped.filtered(element.children(),
                c -> !NOT_COMPONENTS.contains(c.tag()) && !c.tag().equals("property"));
        duplicates(nested, element);
        for (XmlElement child : nested) {
            component(child, typeName);
        }
    }

    /** The Child or Children name of the parent type, or else the ComponentType name, closest to {@code typed}. */
    private Optional<String> nameHint(String typed, String parentType) {
        Optional<String> child = parentType == null ? Optional.empty()
                : NearestName.among(childNames(parentType), typed);
        return child.or(() -> NearestName.among(types.keySet(), typed)).map(name -> "did you mean '" + name + "'?");
    }

    /** Whether a Children of {@code parentType} (or an ancestor) holds components of {@code typeName}. */
    private boolean inACollection(String parentType, String typeName) {
        String current = parentType;
        Set<String> visited = new HashSet<>();
        while (current != null && visited.add(current)) {
            XmlElement type = types.get(current);
            if (type == null) {
                return false;
            }
            for (XmlElement member : type.children()) {
                if (member.tag().equals("Children") && extendsOrIs(typeName, member.attributeOr("type", null))) {
                    return true;
                }
            }
            current = type.attributeOr("extends", null);
        }
        return false;
    }

    private boolean extendsOrIs(String typeName, String base) {
        String current = typeName;
        Set<String> visited = new HashSet<>();
        while (current != null && visited.add(current)) {
            if (current.equals(base)) {
                return true;
            }
            XmlElement type = types.get(current);
            current = type == null ? null : type.attributeOr("extends", null);
        }
        return false;
    }

    /** The names of the Child and Children of {@code typeName} and its ancestors. */
    private List<String> childNames(String typeName) {
        List<String> names = new ArrayList<>();
        String current = typeName;
        Set<String> visited = new HashSet<>();
        while (current != null && visited.add(current)) {
            XmlElement type = types.get(current);
            if (type == null) {
                break;
            }
            for (XmlElement member : type.children()) {
                if (member.tag().equals("Child") || member.tag().equals("Children")) {
                    member.attribute("name").ifPresent(names::add);
                }
            }
            current = type.attributeOr("extends", null);
        }
        return names;
    }

    /** The declared type of a Child or Children named {@code tag} in {@code typeName} or its ancestors. */
    private Optional<String> childType(String typeName, String tag) {
        return childTypes.computeIfAbsent(typeName, name -> new HashMap<>()).computeIfAbsent(tag,
                named -> findChildType(typeName, named));
    }

    private Optional<String> findChildType(String typeName, String tag) {
        String current = typeName;
        Set<String> visited = new HashSet<>();
        while (current != null && visited.add(current)) {
            XmlElement type = types.get(current);
            if (type == null) {
                return Optional.empty();
            }
            for (XmlElement member : type.children()) {
                if ((member.tag().equals("Child") || member.tag().equals("Children"))
                        && tag.equals(member.attributeOr("name", null))) {
                    return Optional.of(member.attributeOr("type", tag));
                }
            }
            current = type.attributeOr("extends", null);
        }
        return Optional.empty();
    }

    /** Siblings (inside {@code parent}, or at the top level when it is null) that share an id. */
    private void duplicates(List<XmlElement> siblings, XmlElement parent) {
        Map<String, XmlElement> byId = new HashMap<>();
        for (XmlElement element : siblings) {
            Optional<String> id = element.attribute("id");
            if (id.isEmpty()) {
                continue;
            }
            XmlElement first = byId.putIfAbsent(id.get(), element);
            if (first != null) {
                String where = parent == null ? "at the top level" : "inside " + describe(parent);
                findings.add(Finding.error(Code.DUPLICATE_ID, element.location(), "id '" + id.get()
                        + "' is used twice " + where + " (first at " + first.location() + ")",
                        "give each component its own id"));
            }
        }
    }

    private void checkTargets(List<XmlElement> elements) {
        List<XmlElement> targets = Mapped.filtered(elements, e -> e.tag().equals("Target"));
        for (int i = 0; i < targets.size(); i++) {
            XmlElement target = targets.get(i);
            if (i > 0) {
                findings.add(Finding.warning(Code.TARGET, target.location(), "a second <Target> is ignored; the first"
                        + " one at " + targets.get(0).location() + " is run", null));
                continue;
            }
            String component = target.attributeOr("component", null);
            if (component == null) {
                findings.add(Finding.error(Code.TARGET, target.location(), "<Target> needs a 'component' attribute",
                        null));
            } else if (!allIds.contains(component)) {
                findings.add(Finding.error(Code.TARGET, target.location(), "Target component '" + component
                        + "' is not defined", "name the id of a Simulation component"));
            }
        }
    }

    private static String describe(XmlElement element) {
        return "<" + element.tag() + element.attribute("id").map(id -> " id=\"" + id + "\"").orElse("") + "> at "
                + location(element.location());
    }

    private static String location(SourceLocation location) {
        return location.line() + ":" + location.column();
    }

    private static String includeHint() {
        return "include the file that defines it, e.g. <Include file=\"Cells.xml\"/>, and add its folder with -I";
    }
}
