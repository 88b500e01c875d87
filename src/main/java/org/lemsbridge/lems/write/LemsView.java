package org.lemsbridge.lems.write;

import java.util.List;
import java.util.Objects;

/**
 * The view model the LEMS templates print. Every value is already a finished string (numbers formatted, names
 * made safe, optional attributes {@code null} when they must be left out), so the templates decide nothing.
 * Element lists are in the order the LEMS 0.7.6 schema demands.
 */
public final class LemsView {
    private LemsView() {
    }

    /** A whole {@code <Lems>} file. {@code target} is the id of the Simulation component, or null for none. */
    public record Document(String target, List<DimensionDef> dimensions, List<UnitDef> units,
                           List<ComponentTypeDef> componentTypes, List<ComponentDef> components) {
        public Document {
            dimensions = List.copyOf(dimensions);
            units = List.copyOf(units);
            componentTypes = List.copyOf(componentTypes);
            components = List.copyOf(components);
        }
    }

    /** {@code <Dimension name m l t i k n j/>}; only the non-zero exponents are listed. */
    public record DimensionDef(String name, List<Attribute> exponents) {
        public DimensionDef {
            Objects.requireNonNull(name);
            exponents = List.copyOf(exponents);
        }
    }

    /** {@code <Unit symbol dimension power scale offset/>}; scale and offset are null when they are the defaults. */
    public record UnitDef(String symbol, String dimension, String power, String scale, String offset) {
        public UnitDef {
            Objects.requireNonNull(symbol);
            Objects.requireNonNull(dimension);
            Objects.requireNonNull(power);
        }
    }

    /** One XML attribute. */
    public record Attribute(String name, String value) {
        public Attribute {
            Objects.requireNonNull(name);
            Objects.requireNonNull(value);
        }
    }

    /** A named member with a dimension and an optional description (Parameter, Exposure). */
    public record Dimensioned(String name, String dimension, String description) {
        public Dimensioned {
            Objects.requireNonNull(name);
            Objects.requireNonNull(dimension);
        }
    }

    /** {@code <Constant name dimension value/>}. */
    public record ConstantDef(String name, String dimension, String value) {
    }

    /** A member with a name and a type: Children, ComponentReference. */
    public record Typed(String name, String type) {
    }

    /** {@code <EventPort name direction/>}. */
    public record EventPortDef(String name, String direction) {
    }

    /** A ComponentType with its members in schema order. Null {@code dynamics}/{@code simulation} are left out. */
    public record ComponentTypeDef(String name, String description, List<Dimensioned> parameters,
                                   List<ConstantDef> constants, List<Typed> children,
                                   List<Typed> componentReferences, List<EventPortDef> eventPorts,
                                   List<Dimensioned> exposures, List<String> paths, List<String> texts,
                                   DynamicsDef dynamics, SimulationDef simulation) {
        public ComponentTypeDef {
            Objects.requireNonNull(name);
            parameters = List.copyOf(parameters);
            constants = List.copyOf(constants);
            children = List.copyOf(children);
            componentReferences = List.copyOf(componentReferences);
            eventPorts = List.copyOf(eventPorts);
            exposures = List.copyOf(exposures);
            paths = List.copyOf(paths);
            texts = List.copyOf(texts);
        }
    }

    /** {@code <Dynamics>}: jLEMS evaluates the plain derived variables first, then the conditional ones. */
    public record DynamicsDef(List<StateVariableDef> stateVariables, List<DerivedVariableDef> derivedVariables,
                              List<ConditionalDerivedVariableDef> conditionalDerivedVariables,
                              List<TimeDerivativeDef> timeDerivatives, List<StateAssignmentDef> onStart,
                              List<OnConditionDef> onConditions) {
        public DynamicsDef {
            stateVariables = List.copyOf(stateVariables);
            derivedVariables = List.copyOf(derivedVariables);
            conditionalDerivedVariables = List.copyOf(conditionalDerivedVariables);
            timeDerivatives = List.copyOf(timeDerivatives);
            onStart = List.copyOf(onStart);
            onConditions = List.copyOf(onConditions);
        }
    }

    /** {@code <StateVariable name dimension exposure/>}; exposure may be null. */
    public record StateVariableDef(String name, String dimension, String exposure) {
    }

    /** {@code <DerivedVariable name dimension exposure value/>}; exposure may be null. */
    public record DerivedVariableDef(String name, String dimension, String exposure, String value) {
    }

    /** {@code <ConditionalDerivedVariable>} with its cases in order. */
    public record ConditionalDerivedVariableDef(String name, String dimension, String exposure, List<CaseDef> cases) {
        public ConditionalDerivedVariableDef {
            cases = List.copyOf(cases);
            if (cases.isEmpty()) {
                throw new IllegalArgumentException("a ConditionalDerivedVariable needs a Case");
            }
        }
    }

    /** {@code <Case condition value/>}; a null condition is the default case. */
    public record CaseDef(String condition, String value) {
    }

    /** {@code <TimeDerivative variable value/>}. */
    public record TimeDerivativeDef(String variable, String value) {
    }

    /** {@code <StateAssignment variable value/>}. */
    public record StateAssignmentDef(String variable, String value) {
    }

    /** {@code <OnCondition test>} with its assignments, then an {@code <EventOut>} per listed port. */
    public record OnConditionDef(String test, List<StateAssignmentDef> assignments, List<String> eventOuts) {
        public OnConditionDef {
            assignments = List.copyOf(assignments);
            eventOuts = List.copyOf(eventOuts);
        }
    }

    /** The {@code <Simulation>} block of a ComponentType. */
    public record SimulationDef(List<String> records, List<RunDef> runs, List<DataWriterDef> dataWriters) {
        public SimulationDef {
            records = List.copyOf(records);
            runs = List.copyOf(runs);
            dataWriters = List.copyOf(dataWriters);
        }
    }

    /** {@code <Run component variable increment total/>}. */
    public record RunDef(String component, String variable, String increment, String total) {
    }

    /** {@code <DataWriter path fileName/>}. */
    public record DataWriterDef(String path, String fileName) {
    }

    /** {@code <Component id type ...attributes>} with nested components. */
    public record ComponentDef(String id, String type, List<Attribute> attributes, List<ComponentDef> children) {
        public ComponentDef {
            Objects.requireNonNull(id);
            Objects.requireNonNull(type);
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }
    }
}
