package org.lemsbridge.lems;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.util.Mapped;

/** Turns one {@code <ComponentType>} element into a ComponentType holding only its own members. */
final class TypeReader {

    private TypeReader() {
    }

    static ComponentType readOwn(XmlElement element) {
        String name = required(element, "name");
        List<ComponentType.Parameter> parameters = new ArrayList<>();
        List<ComponentType.DerivedParameter> derivedParameters = new ArrayList<>();
        List<ComponentType.Fixed> fixed = new ArrayList<>();
        List<ComponentType.Constant> constants = new ArrayList<>();
        List<ComponentType.Property> properties = new ArrayList<>();
        List<ComponentType.Exposure> exposures = new ArrayList<>();
        List<ComponentType.Requirement> requirements = new ArrayList<>();
        List<ComponentType.EventPort> eventPorts = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<ComponentType.ComponentReference> references = new ArrayList<>();
        List<ComponentType.Link> links = new ArrayList<>();
        List<ComponentType.ChildDecl> childDecls = new ArrayList<>();
        List<ComponentType.ChildrenDecl> childrenDecls = new ArrayList<>();
        List<ComponentType.AttachmentsDecl> attachments = new ArrayList<>();
        Dynamics dynamics = null;
        List<Structure.Item> structure = new ArrayList<>();
        SimulationBlock simulation = SimulationBlock.empty();
        for (XmlElement member : element.children()) {
            switch (member.tag()) {
                case "Parameter", "IndexParameter" -> parameters.add(new ComponentType.Parameter(required(member, "name"),
                        member.attributeOr("dimension", "none")));
                case "DerivedParameter" -> derivedParameters.add(new ComponentType.DerivedParameter(
                        required(member, "name"), member.attributeOr("dimension", "none"),
                        member.attribute("value").map(v -> expression(member, v)).orElse(null),
                        member.attribute("select").orElse(null)));
                case "Fixed" -> fixed.add(new ComponentType.Fixed(required(member, "parameter"), required(member, "value")));
                case "Constant" -> constants.add(new ComponentType.Constant(required(member, "name"),
                        member.attributeOr("dimension", "none"), required(member, "value")));
                case "Property" -> properties.add(new ComponentType.Property(required(member, "name"),
                        member.attributeOr("dimension", "none"), defaultValue(member)));
                case "Exposure" -> exposures.add(new ComponentType.Exposure(required(member, "name"),
                        member.attributeOr("dimension", "none")));
                case "Requirement" -> requirements.add(new ComponentType.Requirement(required(member, "name"),
                        member.attributeOr("dimension", "none")));
                case "EventPort" -> eventPorts.add(new ComponentType.EventPort(required(member, "name"),
                        member.attributeOr("direction", "in")));
                case "Text" -> texts.add(required(member, "name"));
                case "Path" -> paths.add(required(member, "name"));
                case "ComponentReference" -> references.add(new ComponentType.ComponentReference(required(member, "name"),
                        member.attributeOr("type", null), "true".equals(member.attributeOr("local", "false"))));
                case "Link" -> links.add(new ComponentType.Link(required(member, "name"), member.attributeOr("type", null)));
                case "Child" -> childDecls.add(new ComponentType.ChildDecl(required(member, "name"), required(member, "type")));
                case "Children" -> childrenDecls.add(new ComponentType.ChildrenDecl(required(member, "name"),
                        member.attributeOr("type", null)));
                case "Attachments" -> attachments.add(new ComponentType.AttachmentsDecl(required(member, "name"),
                        required(member, "type")));
                case "Dynamics" -> dynamics = readDynamics(member);
                case "Structure" -> structure.addAll(readStructure(member.children()));
                case "Simulation" -> simulation = readSimulation(member);
                default -> {
                    // ComponentRequirement, InstanceRequirement, About, Meta: no runtime meaning here (SecureXml has refused
                    // any member the schema does not declare)
                }
            }
        }
        return new ComponentType(name, element.attributeOr("extends", null), parameters, derivedParameters, fixed,
                constants, properties, exposures, requirements, eventPorts, texts, paths, references, links,
                childDecls, childrenDecls, attachments, dynamics, new Structure(structure), simulation,
                element.location());
    }

    private static double defaultValue(XmlElement member) {
        String text = member.attributeOr("defaultValue", "0");
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(member.location(), "Property defaultValue '" + text
                    + "' must be a plain number (jLEMS reads it without units)");
        }
    }

    static String required(XmlElement element, String attribute) {
        return element.attribute(attribute).orElseThrow(() -> new BadInputException(element.location(),
                "<" + element.tag() + "> needs a '" + attribute + "' attribute"));
    }

    static Expr expression(XmlElement element, String text) {
        try {
            return LemsExpressions.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(element.location(), "cannot parse expression '" + text + "': " + e.getMessage());
        }
    }

    private static Dynamics readDynamics(XmlElement element) {
        List<Dynamics.StateVariable> states = new ArrayList<>();
        List<Dynamics.DerivedVariable> derived = new ArrayList<>();
        List<Dynamics.ConditionalDerivedVariable> conditional = new ArrayList<>();
        List<Dynamics.TimeDerivative> rates = new ArrayList<>();
        List<List<Dynamics.Action>> onStarts = new ArrayList<>();
        List<Dynamics.OnCondition> onConditions = new ArrayList<>();
        List<Dynamics.OnEvent> onEvents = new ArrayList<>();
        List<Dynamics.Regime> regimes = new ArrayList<>();
        List<Dynamics.KineticScheme> schemes = new ArrayList<>();
        for (XmlElement member : element.children()) {
            switch (member.tag()) {
                case "StateVariable" -> states.add(new Dynamics.StateVariable(required(member, "name"),
                        member.attributeOr("dimension", "none"), member.attributeOr("exposure", null), member.location()));
                case "DerivedVariable" -> derived.add(new Dynamics.DerivedVariable(required(member, "name"),
                        member.attributeOr("dimension", "none"), member.attributeOr("exposure", null),
                        member.attribute("value").map(v -> expression(member, v)).orElse(null),
                        member.attributeOr("select", null), member.attributeOr("reduce", null),
                        !"false".equals(member.attributeOr("required", "true")), member.location()));
                case "ConditionalDerivedVariable" -> conditional.add(new Dynamics.ConditionalDerivedVariable(
                        required(member, "name"), member.attributeOr("dimension", "none"),
                        member.attributeOr("exposure", null),
                        cases(member), member.location()));
                case "TimeDerivative" -> rates.add(timeDerivative(member));
                case "OnStart" -> onStarts.add(actions(member));
                case "OnCondition" -> onConditions.add(onCondition(member));
                case "OnEvent" -> onEvents.add(onEvent(member));
                case "Regime" -> regimes.add(regime(member));
                case "KineticScheme" -> schemes.add(new Dynamics.KineticScheme(required(member, "name"),
                        member.attributeOr("nodes", null), member.attributeOr("stateVariable", null),
                        member.attributeOr("edges", null), member.attributeOr("edgeSource", null),
                        member.attributeOr("edgeTarget", null), member.attributeOr("forwardRate", null),
                        member.attributeOr("reverseRate", null), member.location()));
                default -> throw new BadInputException(member.location(), "unknown Dynamics element <" + member.tag()
                        + ">");
            }
        }
        return new Dynamics(states, derived, conditional, rates, onStarts, onConditions, onEvents, regimes, schemes,
                "true".equals(element.attributeOr("simultaneous", "false")));
    }

    private static Dynamics.TimeDerivative timeDerivative(XmlElement member) {
        return new Dynamics.TimeDerivative(required(member, "variable"), expression(member, required(member, "value")),
                member.location());
    }

    private static Dynamics.OnCondition onCondition(XmlElement member) {
        return new Dynamics.OnCondition(expression(member, required(member, "test")), actions(member), member.location());
    }

    private static Dynamics.OnEvent onEvent(XmlElement member) {
        return new Dynamics.OnEvent(required(member, "port"), actions(member), member.location());
    }

    private static Dynamics.Regime regime(XmlElement element) {
        List<Dynamics.TimeDerivative> rates = new ArrayList<>();
        List<List<Dynamics.Action>> onEntries = new ArrayList<>();
        List<Dynamics.OnCondition> onConditions = new ArrayList<>();
        List<Dynamics.OnEvent> onEvents = new ArrayList<>();
        for (XmlElement member : element.children()) {
            switch (member.tag()) {
                case "TimeDerivative" -> rates.add(timeDerivative(member));
                case "OnEntry" -> onEntries.add(actions(member));
                case "OnCondition" -> onConditions.add(onCondition(member));
                case "OnEvent" -> onEvents.add(onEvent(member));
                default -> throw new BadInputException(member.location(), "unknown Regime element <" + member.tag()
                        + ">");
            }
        }
        return new Dynamics.Regime(required(element, "name"), "true".equals(element.attributeOr("initial", "false")),
                rates, onEntries, onConditions, onEvents, element.location());
    }

    private static List<Dynamics.Action> actions(XmlElement block) {
        List<Dynamics.Action> actions = new ArrayList<>();
        for (XmlElement action : block.children()) {
            switch (action.tag()) {
                case "StateAssignment" -> actions.add(new Dynamics.StateAssignment(required(action, "variable"),
                        expression(action, required(action, "value")), action.location()));
                case "EventOut" -> actions.add(new Dynamics.EventOut(required(action, "port"), action.location()));
                case "Transition" -> actions.add(new Dynamics.Transition(required(action, "regime"), action.location()));
                default -> throw new BadInputException(action.location(), "unknown action <" + action.tag() + ">");
            }
        }
        return actions;
    }

    private static List<Structure.Item> readStructure(List<XmlElement> elements) {
        List<Structure.Item> items = new ArrayList<>();
        for (XmlElement item : elements) {
            switch (item.tag()) {
                case "ChildInstance" -> items.add(new Structure.ChildInstance(required(item, "component"), item.location()));
                case "MultiInstantiate" -> items.add(multiInstantiate(item));
                case "With" -> items.add(new Structure.With(item.attributeOr("instance", null),
                        item.attributeOr("list", null), item.attributeOr("index", null), required(item, "as"),
                        item.location()));
                case "ForEach" -> items.add(new Structure.ForEach(required(item, "instances"), required(item, "as"),
                        readStructure(item.children()), item.location()));
                case "EventConnection" -> items.add(new Structure.EventConnection(required(item, "from"),
                        required(item, "to"), item.attributeOr("delay", null), item.attributeOr("receiver", null),
                        item.attributeOr("receiverContainer", null), item.attributeOr("sourcePort", null),
                        item.attributeOr("targetPort", null), assigns(item), item.location()));
                case "Tunnel" -> items.add(new Structure.Tunnel(required(item, "name"), required(item, "endA"),
                        required(item, "endB"), required(item, "componentA"), required(item, "componentB"),
                        assigns(item), item.location()));
                default -> throw new BadInputException(item.location(), "unknown Structure element <" + item.tag() + ">");
            }
        }
        return items;
    }

    /** By {@code component} (a ComponentReference) or by {@code componentType}, exactly one of them. */
    private static Structure.MultiInstantiate multiInstantiate(XmlElement item) {
        String component = item.attributeOr("component", null);
        String componentType = item.attributeOr("componentType", null);
        if ((component == null) == (componentType == null)) {
            throw new BadInputException(item.location(), "<MultiInstantiate> needs either component or componentType"
                    + (component == null ? "" : ", not both"));
        }
        return new Structure.MultiInstantiate(required(item, "number"), component, componentType, assigns(item),
                item.location());
    }

    private static List<Structure.Assign> assigns(XmlElement element) {
        return Mapped.list(element.children("Assign"), a -> new Structure.Assign(required(a, "property"),
                expression(a, required(a, "value")), a.location()));
    }

    private static List<Dynamics.Case> cases(XmlElement conditional) {
        return Mapped.list(conditional.children("Case"), c -> new Dynamics.Case(
                c.attribute("condition").map(v -> expression(c, v)).orElse(null), expression(c, required(c, "value"))));
    }

    private static SimulationBlock readSimulation(XmlElement element) {
        List<SimulationBlock.Run> runs = new ArrayList<>();
        List<SimulationBlock.Record> records = new ArrayList<>();
        List<SimulationBlock.EventRecord> eventRecords = new ArrayList<>();
        List<SimulationBlock.DataDisplay> displays = new ArrayList<>();
        List<SimulationBlock.DataWriter> writers = new ArrayList<>();
        List<SimulationBlock.EventWriter> eventWriters = new ArrayList<>();
        for (XmlElement m : element.children()) {
            switch (m.tag()) {
                case "Run" -> runs.add(new SimulationBlock.Run(m.attributeOr("component", null),
                        m.attributeOr("variable", null), m.attributeOr("increment", null), m.attributeOr("total", null),
                        m.location()));
                case "Record" -> records.add(new SimulationBlock.Record(required(m, "quantity"),
                        m.attributeOr("timeScale", null), m.attributeOr("scale", null), m.attributeOr("color", null),
                        m.location()));
                case "EventRecord" -> eventRecords.add(new SimulationBlock.EventRecord(required(m, "quantity"),
                        m.attributeOr("eventPort", null), m.location()));
                case "DataDisplay" -> displays.add(new SimulationBlock.DataDisplay(m.attributeOr("title", null),
                        m.attributeOr("dataRegion", null), m.location()));
                case "DataWriter" -> writers.add(new SimulationBlock.DataWriter(m.attributeOr("path", null),
                        required(m, "fileName"), m.location()));
                case "EventWriter" -> eventWriters.add(new SimulationBlock.EventWriter(m.attributeOr("path", null),
                        required(m, "fileName"), m.attributeOr("format", null), m.location()));
                default -> throw new BadInputException(m.location(), "unknown Simulation element <" + m.tag() + ">");
            }
        }
        return new SimulationBlock(runs, records, eventRecords, displays, writers, eventWriters);
    }
}
