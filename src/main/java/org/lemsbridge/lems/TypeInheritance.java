package org.lemsbridge.lems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Applies {@code extends} the way jLEMS does (see {@link ComponentType}). */
final class TypeInheritance {

    private TypeInheritance() {
    }

    static ComponentType merge(ComponentType own, ComponentType parent) {
        return new ComponentType(own.name(), own.extendsName(),
                inherit(parent.parameters(), own.parameters(), ComponentType.Parameter::name),
                inherit(parent.derivedParameters(), own.derivedParameters(), ComponentType.DerivedParameter::name),
                inherit(parent.fixed(), own.fixed(), ComponentType.Fixed::parameter),
                inherit(parent.constants(), own.constants(), ComponentType.Constant::name),
                own.properties(),
                inherit(parent.exposures(), own.exposures(), ComponentType.Exposure::name),
                inherit(parent.requirements(), own.requirements(), ComponentType.Requirement::name),
                inherit(parent.eventPorts(), own.eventPorts(), ComponentType.EventPort::name),
                own.texts(), own.paths(),
                inherit(parent.componentReferences(), own.componentReferences(), ComponentType.ComponentReference::name),
                inherit(parent.links(), own.links(), ComponentType.Link::name),
                inherit(parent.childDecls(), own.childDecls(), ComponentType.ChildDecl::name),
                inherit(parent.childrenDecls(), own.childrenDecls(), ComponentType.ChildrenDecl::name),
                own.attachments(),
                own.dynamics() != null ? own.dynamics() : parent.dynamics(),
                own.structure(),
                own.simulation().isEmpty() ? parent.simulation() : own.simulation(),
                own.location());
    }

    /** The parent's items the type does not redefine (by {@code key}), then the type's own; lists are immutable. */
    private static <T> List<T> inherit(List<T> fromParent, List<T> own, Function<T, String> key) {
        if (fromParent.isEmpty()) {
            return own;
        }
        if (own.isEmpty()) {
            return fromParent;
        }
        Set<String> ownNames = new HashSet<>();
        for (T item : own) {
            ownNames.add(key.apply(item));
        }
        List<T> merged = new ArrayList<>();
        for (T item : fromParent) {
            if (!ownNames.contains(key.apply(item))) {
                merged.add(item);
            }
        }
        merged.addAll(own);
        return merged;
    }
}
