package org.lemsbridge.lems;

import java.util.List;
import java.util.Optional;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;

/**
 * A ComponentType after {@code extends} was applied with jLEMS's rules: parameters, derived parameters, constants,
 * exposures, requirements, event ports, Child/Children, component references and links are inherited (own
 * definitions win); Text, Path, Attachments, Property and Structure are not; Dynamics and the Simulation block are
 * inherited only when the type has none of its own.
 */
public record ComponentType(
        String name,
        String extendsName,
        List<Parameter> parameters,
        List<DerivedParameter> derivedParameters,
        List<Fixed> fixed,
        List<Constant> constants,
        List<Property> properties,
        List<Exposure> exposures,
        List<Requirement> requirements,
        List<EventPort> eventPorts,
        List<String> texts,
        List<String> paths,
        List<ComponentReference> componentReferences,
        List<Link> links,
        List<ChildDecl> childDecls,
        List<ChildrenDecl> childrenDecls,
        List<AttachmentsDecl> attachments,
        Dynamics dynamics,
        Structure structure,
        SimulationBlock simulation,
        SourceLocation location) {

    public ComponentType {
        parameters = List.copyOf(parameters);
        derivedParameters = List.copyOf(derivedParameters);
        fixed = List.copyOf(fixed);
        constants = List.copyOf(constants);
        properties = List.copyOf(properties);
        exposures = List.copyOf(exposures);
        requirements = List.copyOf(requirements);
        eventPorts = List.copyOf(eventPorts);
        texts = List.copyOf(texts);
        paths = List.copyOf(paths);
        componentReferences = List.copyOf(componentReferences);
        links = List.copyOf(links);
        childDecls = List.copyOf(childDecls);
        childrenDecls = List.copyOf(childrenDecls);
        attachments = List.copyOf(attachments);
    }

    public record Parameter(String name, String dimension) {
    }

    /** {@code value} or {@code select} is set. */
    public record DerivedParameter(String name, String dimension, Expr value, String select) {
    }

    public record Fixed(String parameter, String value) {
    }

    public record Constant(String name, String dimension, String value) {
    }

    public record Property(String name, String dimension, double defaultValue) {
    }

    public record Exposure(String name, String dimension) {
    }

    public record Requirement(String name, String dimension) {
    }

    public record EventPort(String name, String direction) {
        public boolean isIn() {
            return "in".equalsIgnoreCase(direction);
        }
    }

    public record ComponentReference(String name, String type, boolean local) {
    }

    public record Link(String name, String type) {
    }

    public record ChildDecl(String name, String type) {
    }

    public record ChildrenDecl(String name, String type) {
    }

    public record AttachmentsDecl(String name, String type) {
    }

    public Optional<Dynamics> dynamicsIfAny() {
        return Optional.ofNullable(dynamics);
    }

    public Optional<ChildDecl> child(String childName) {
        for (int i = 0; i < childDecls.size(); i++) {
            if (childDecls.get(i).name().equals(childName)) {
                return Optional.of(childDecls.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<ChildrenDecl> children(String listName) {
        for (int i = 0; i < childrenDecls.size(); i++) {
            if (childrenDecls.get(i).name().equals(listName)) {
                return Optional.of(childrenDecls.get(i));
            }
        }
        return Optional.empty();
    }

    public boolean hasExposure(String exposureName) {
        for (Exposure e : exposures) {
            if (e.name().equals(exposureName)) {
                return true;
            }
        }
        return false;
    }
}
