package org.lemsbridge.lems;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.util.Mapped;

/**
 * Gives every component the DerivedParameters its type defines by a {@code select} path, evaluated once the whole
 * model is read, as jLEMS evaluates them: {@code a/b/param} follows a Child or a ComponentReference per step
 * ({@code .} and {@code ..} too); {@code //Type[...]} starts from every component of exactly that type in the model;
 * a step {@code list[attr=path]} keeps the members of that Children list (or of {@code //Type}) whose {@code attr}
 * (followed from the member) is the very component {@code path} (followed from the parameter's component) leads to,
 * the last such member when there are several; the last step names a numeric value of the component reached. So
 * {@code //MembranePotential[species=channel/species]/reversal} is the reversal of the MembranePotential whose
 * species is this channel's species. Other predicate forms jLEMS does not handle either and are refused.
 */
final class SelectedParameters {

    private final List<Component> allInOrder = new ArrayList<>();
    private final Map<Component, Component> parents = new IdentityHashMap<>();
    private final Map<String, Component> byId;

    private SelectedParameters(List<Component> topLevel, Map<String, Component> byId) {
        this.byId = byId;
        topLevel.forEach(component -> index(component, null));
    }

    /** The model's components, top level and by id, with select-derived parameters added (unchanged if none). */
    record Components(List<Component> topLevel, Map<String, Component> byId) {
    }

    static Components apply(List<Component> topLevel, Map<String, Component> byId, Iterable<ComponentType> types) {
        if (!Mapped.any(types, type -> Mapped.any(type.derivedParameters(), p -> p.select() != null))) {
            return new Components(topLevel, byId);
        }
        return new SelectedParameters(topLevel, byId).rebuild(topLevel);
    }

    private void index(Component component, Component parent) {
        allInOrder.add(component);
        if (parent != null) {
            parents.put(component, parent);
        }
        component.children().forEach(child -> index(child, component));
    }

    private Components rebuild(List<Component> topLevel) {
        Map<Component, Component> rebuilt = new IdentityHashMap<>();
        List<Component> newTopLevel = topLevel.stream().map(c -> rebuilt(c, rebuilt)).toList();
        Map<String, Component> newById = new LinkedHashMap<>();
        byId.forEach((id, component) -> newById.put(id, rebuilt.getOrDefault(component, component)));
        return new Components(newTopLevel, newById);
    }

    private Component rebuilt(Component component, Map<Component, Component> rebuilt) {
        List<Component> children = component.children().stream().map(c -> rebuilt(c, rebuilt)).toList();
        Map<String, Double> values = new LinkedHashMap<>(component.values());
        for (ComponentType.DerivedParameter parameter : component.type().derivedParameters()) {
            if (parameter.select() != null) {
                values.put(parameter.name(), value(component, parameter));
            }
        }
        Component copy = new Component(component.id(), component.type(), component.role(), component.attributes(),
                values, component.texts(), children, component.location());
        rebuilt.put(component, copy);
        return copy;
    }

    private double value(Component owner, ComponentType.DerivedParameter parameter) {
        String path = parameter.select().trim();
        int last = path.lastIndexOf('/');
        if (last < 0) {
            return numeric(owner, path, owner, parameter);
        }
        Component holder = follow(owner, path.substring(0, last), owner, parameter);
        return numeric(holder, path.substring(last + 1), owner, parameter);
    }

    private double numeric(Component holder, String name, Component owner, ComponentType.DerivedParameter parameter) {
        Double value = holder.values().get(name);
        if (value == null) {
            throw problem(owner, parameter, holder.describe() + " has no value '" + name + "'");
        }
        return value;
    }

    /** Follows {@code path} from {@code start}; a leading {@code //} starts from all components of a type. */
    private Component follow(Component start, String path, Component owner, ComponentType.DerivedParameter parameter) {
        boolean everywhere = path.startsWith("//");
        Component at = start;
        List<String> steps = steps(everywhere ? path.substring(2) : path);
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            int bracket = step.indexOf('[');
            if (bracket < 0) {
                at = step(at, step, owner, parameter);
            } else {
                String list = step.substring(0, bracket);
                List<Component> members = everywhere && i == 0 ? ofType(list) : membersOf(at, list);
                at = matching(members, step.substring(bracket + 1, step.lastIndexOf(']')), owner, parameter);
            }
        }
        return at;
    }

    /** The path split at the slashes that are not inside a bracket. */
    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : path.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == '/' && depth == 0) {
                steps.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        steps.add(current.toString());
        return steps;
    }

    private Component step(Component at, String name, Component owner, ComponentType.DerivedParameter parameter) {
        if (name.equals(".")) {
            return at;
        }
        if (name.equals("..")) {
            Component parent = parents.get(at);
            if (parent == null) {
                throw problem(owner, parameter, at.describe() + " has no parent");
            }
            return parent;
        }
        for (Component child : at.children()) {
            if (name.equals(child.role()) && at.type().child(name).isPresent()) {
                return child;
            }
        }
        boolean isReference = Mapped.any(at.type().componentReferences(), r -> r.name().equals(name));
        String id = isReference ? at.texts().get(name) : null;
        Component referenced = id == null ? null : byId.get(id);
        if (referenced == null) {
            throw problem(owner, parameter, at.describe() + " has no child or component reference '" + name + "'");
        }
        return referenced;
    }

    private List<Component> ofType(String typeName) {
        return allInOrder.stream().filter(c -> c.type().name().equals(typeName)).toList();
    }

    private static List<Component> membersOf(Component at, String list) {
        return at.children().stream().filter(c -> list.equals(c.role())).toList();
    }

    private Component matching(List<Component> members, String predicate, Component owner,
            ComponentType.DerivedParameter parameter) {
        int equals = predicate.indexOf('=');
        if (equals <= 0) {
            throw problem(owner, parameter, "the predicate [" + predicate + "] is not of the form [attribute=path],"
                    + " the only one jLEMS evaluates");
        }
        String attribute = predicate.substring(0, equals).trim();
        Component wanted = follow(owner, predicate.substring(equals + 1).trim(), owner, parameter);
        Component found = null;
        for (Component member : members) {
            if (follow(member, attribute, owner, parameter) == wanted) {
                found = member;
            }
        }
        if (found == null) {
            throw problem(owner, parameter, "no member has " + attribute + " = " + wanted.describe());
        }
        return found;
    }

    private static BadInputException problem(Component owner, ComponentType.DerivedParameter parameter, String why) {
        return new BadInputException(owner.location(), "DerivedParameter '" + parameter.name() + "' of "
                + owner.describe() + ": select '" + parameter.select() + "': " + why);
    }
}
