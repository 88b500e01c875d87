package org.lemsbridge.lems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.units.Dimension;
import org.lemsbridge.units.Unit;
import org.lemsbridge.units.UnitTable;

/**
 * Reads a LEMS document and its includes into a {@link LemsModel}: resolves ComponentType inheritance, converts
 * component values to SI and parses every expression.
 */
public final class LemsReader {

    /** Elements that are not components; jLEMS reads none of a {@code <Meta>} (lems-semantics §2.7). */
    public static final Set<String> NOT_COMPONENTS = Set.of("Dimension", "Unit", "Constant", "ComponentType",
            "Target", "Include", "Assertion", "notes", "annotation", "Meta");

    private final Path source;
    private final List<XmlElement> elements;
    private LemsUnits units;
    private final Map<String, XmlElement> typeElements = new LinkedHashMap<>();
    private final Map<String, ComponentType> resolvedTypes = new LinkedHashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, XmlElement> topLevelById = new HashMap<>();
    private final Map<String, Component> componentsById = new LinkedHashMap<>();
    /** Values that could not be read; null: the first one is thrown. */
    private final List<ValueProblem> valueProblems;

    private LemsReader(Path source, List<XmlElement> elements) {
        this(source, elements, null);
    }

    private LemsReader(Path source, List<XmlElement> elements, List<ValueProblem> valueProblems) {
        this.source = source;
        this.elements = elements;
        this.valueProblems = valueProblems;
    }

    /** A model read on past component values that cannot be read (left out), and those values' problems. */
    public record Reading(LemsModel model, List<ValueProblem> valueProblems) {
        public Reading {
            valueProblems = List.copyOf(valueProblems);
        }
    }

    /**
     * As {@link #read(IncludedDocument)}, but a component value that cannot be read (an unknown unit, a unit of
     * another dimension) is listed and left out instead of stopping the read, so a validator reports them all.
     */
    public static Reading readListingValueProblems(IncludedDocument document) {
        document.firstUnresolved().ifPresent(problem -> {
            throw problem;
        });
        List<ValueProblem> problems = new ArrayList<>();
        LemsModel model = new LemsReader(document.file(), document.elements(), problems).build();
        return new Reading(model, problems);
    }

    /**
     * Reads a file; includes resolve beside the including file, then in {@code searchPath}, then bundled types. A
     * {@code <neuroml>} file gets the NeuroML core types first, as jNeuroML gives them.
     */
    public static LemsModel read(Path file, List<Path> searchPath) {
        return read(file, searchPath, Confinement.NONE);
    }

    /** As {@link #read(Path, List)}, refusing an include found outside {@code confinement}. */
    public static LemsModel read(Path file, List<Path> searchPath, Confinement confinement) {
        return read(IncludedDocument.read(file, searchPath, confinement));
    }

    /**
     * Builds the model of a document whose includes were already read (so a validator and a command share one
     * read); a document with an include that could not be followed is refused with that include's problem.
     */
    public static LemsModel read(IncludedDocument document) {
        document.firstUnresolved().ifPresent(problem -> {
            throw problem;
        });
        return new LemsReader(document.file(), document.elements()).build();
    }

    /** Reads a document given as text; relative includes resolve against {@code baseDir}. */
    public static LemsModel read(String xml, String sourceName, Path baseDir, List<Path> searchPath) {
        return read(xml, sourceName, baseDir, searchPath, Confinement.NONE);
    }

    /** As {@link #read(String, String, Path, List)}, refusing an include found outside {@code confinement}. */
    public static LemsModel read(String xml, String sourceName, Path baseDir, List<Path> searchPath,
            Confinement confinement) {
        return new LemsReader(Path.of(sourceName), IncludeResolver.resolve(xml, sourceName, baseDir, searchPath,
                confinement)).build();
    }

    private LemsModel build() {
        readUnits();
        for (XmlElement element : elements) {
            if (element.tag().equals("ComponentType")) {
                typeElements.putIfAbsent(TypeReader.required(element, "name"), element);
            }
        }
        for (String name : typeElements.keySet()) {
            resolveType(name, typeElements.get(name).location());
        }
        Map<String, Double> globalConstants = new LinkedHashMap<>();
        Map<String, String> globalConstantDimensions = new LinkedHashMap<>();
        String target = null;
        SourceLocation targetLocation = null;
        String reportFile = null;
        String timesFile = null;
        for (XmlElement element : elements) {
            if (element.tag().equals("Constant")) {
                // jLEMS takes a bare number here whatever the dimension (bounce.xml: value="9.8" for acceleration)
                String text = TypeReader.required(element, "value");
                double value = plainNumber(text).orElseGet(() -> units.toSi(text, element.attributeOr("dimension", "*"),
                        element.location()));
                String name = TypeReader.required(element, "name");
                String dimension = element.attributeOr("dimension", "none");
                globalConstants.put(name, value);
                globalConstantDimensions.put(name, dimension);
                element.attribute("symbol").ifPresent(symbol -> {
                    globalConstants.putIfAbsent(symbol, value);
                    globalConstantDimensions.putIfAbsent(symbol, dimension);
                });
            } else if (element.tag().equals("Target") && target == null) {
                target = TypeReader.required(element, "component");
                targetLocation = element.location();
                reportFile = element.attribute("reportFile").orElse(null);
                timesFile = element.attribute("timesFile").orElse(null);
            } else if (!NOT_COMPONENTS.contains(element.tag())) {
                element.attribute("id").ifPresent(id -> topLevelById.putIfAbsent(id, element));
            }
        }
        List<Component> topLevel = new ArrayList<>();
        for (XmlElement element : elements) {
            if (!NOT_COMPONENTS.contains(element.tag())) {
                topLevel.add(component(element, null, null));
            }
        }
        if (target != null && !componentsById.containsKey(target)) {
            throw new BadInputException(targetLocation, "Target component '" + target + "' is not defined");
        }
        SelectedParameters.Components components = SelectedParameters.apply(topLevel, componentsById,
                resolvedTypes.values());
        return new LemsModel(source, units, resolvedTypes, components.topLevel(), components.byId(), globalConstants,
                globalConstantDimensions, target,
                targetLocation, reportFile, timesFile);
    }

    private static Optional<Double> plainNumber(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void readUnits() {
        units = unitsOf(elements);
    }

    /** The standard units with the Dimensions and Units that {@code elements} declare. */
    public static LemsUnits unitsOf(List<XmlElement> elements) {
        String[] keys = {"m", "l", "t", "i", "k", "n", "j"};
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (XmlElement element : elements) {
            if (element.tag().equals("Dimension")) {
                int[] e = new int[7];
                for (int i = 0; i < 7; i++) {
                    e[i] = integer(element, keys[i]);
                }
                dimensions.put(TypeReader.required(element, "name"),
                        new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6]));
            }
        }
        UnitTable table = UnitTable.standard().withDimensions(dimensions);
        List<Unit> units = new ArrayList<>();
        for (XmlElement element : elements) {
            if (element.tag().equals("Unit")) {
                String symbol = TypeReader.required(element, "symbol");
                String dimensionName = element.attributeOr("dimension", "none");
                Dimension dimension = table.dimension(dimensionName).orElseThrow(() -> new BadInputException(
                        element.location(), "unit " + symbol + " names unknown dimension '" + dimensionName + "'"));
                units.add(new Unit(symbol, dimension, integer(element, "power"), number(element, "scale", 1.0),
                        number(element, "offset", 0.0)));
            }
        }
        return new LemsUnits(table.withUnits(units));
    }

    private static int integer(XmlElement element, String name) {
        String value = element.attributeOr(name, "0");
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(element.location(), name + "='" + value + "' is not an integer");
        }
    }

    private static double number(XmlElement element, String name, double fallback) {
        String value = element.attributeOr(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(element.location(), name + "='" + value + "' is not a number");
        }
    }

    private ComponentType resolveType(String name, SourceLocation usedAt) {
        ComponentType done = resolvedTypes.get(name);
        if (done != null) {
            return done;
        }
        XmlElement element = typeElements.get(name);
        if (element == null) {
            throw new BadInputException(usedAt, "unknown ComponentType '" + name + "'");
        }
        if (!resolving.add(name)) {
            throw new BadInputException(element.location(), "ComponentType '" + name + "' extends itself");
        }
        ComponentType own = TypeReader.readOwn(element);
        ComponentType resolved = own.extendsName() == null ? own
                : TypeInheritance.merge(own, resolveType(own.extendsName(), element.location()));
        resolving.remove(name);
        resolvedTypes.put(name, resolved);
        return resolved;
    }

    private Component component(XmlElement element, ComponentType parentType, Component parentHint) {
        String role = null;
        String typeName;
        if (parentType != null && (parentType.child(element.tag()).isPresent()
                || parentType.children(element.tag()).isPresent())) {
            role = element.tag();
            String declared = parentType.child(element.tag()).map(ComponentType.ChildDecl::type)
                    .orElseGet(() -> parentType.children(element.tag()).get().type());
            typeName = element.attributeOr("type", declared);
        } else if (element.tag().equals("Component")) {
            typeName = TypeReader.required(element, "type");
        } else if (element.attribute("type").filter(typeElements::containsKey).isPresent()) {
            typeName = element.attributes().get("type"); // e.g. <network type="networkWithTemperature">
        } else {
            typeName = element.tag();
        }
        if (!typeElements.containsKey(typeName)) {
            throw new BadInputException(element.location(), "<" + element.tag() + "> is not a known ComponentType"
                    + (element.tag().equals(typeName) ? "" : " (type '" + typeName + "')"),
                    "include the file that defines it, e.g. <Include file=\"Cells.xml\"/>");
        }
        ComponentType type = resolveType(typeName, element.location());
        if (role == null && parentType != null) {
            role = roleByType(parentType, type);
        }
        String extended = element.attributes().get("extends");
        Map<String, String> attributes = extended == null ? element.attributes() : new LinkedHashMap<>();
        if (extended != null) {
            XmlElement prototype = topLevelById.get(extended);
            if (prototype != null) {
                attributes.putAll(prototype.attributes());
            }
            attributes.putAll(element.attributes());
            attributes.remove("extends");
        }
        String id = element.attributeOr("id", null);
        Map<String, Double> values = valueProblems == null
                ? ComponentValues.of(type, attributes, units, element.location())
                : ComponentValues.of(type, attributes, units, element.location(), valueProblems::add);
        List<String> textPairs = new ArrayList<>();
        for (int i = 0; i < type.texts().size(); i++) {
            addIfPresent(textPairs, attributes, type.texts().get(i));
        }
        for (int i = 0; i < type.paths().size(); i++) {
            addIfPresent(textPairs, attributes, type.paths().get(i));
        }
        for (int i = 0; i < type.componentReferences().size(); i++) {
            addIfPresent(textPairs, attributes, type.componentReferences().get(i).name());
        }
        for (int i = 0; i < type.links().size(); i++) {
            addIfPresent(textPairs, attributes, type.links().get(i).name());
        }
        Map<String, String> texts = CompactMap.ofPairs(textPairs);
        List<Component> children = element.children().isEmpty() ? List.of() : new ArrayList<>();
        for (XmlElement nested : element.children()) {
            if (NOT_COMPONENTS.contains(nested.tag()) || nested.tag().equals("property")) {
                continue;
            }
            children.add(component(nested, type, null));
        }
        Component component = new Component(id, type, role, attributes, values, texts, children, element.location());
        if (id != null) {
            componentsById.putIfAbsent(id, component);
        }
        return component;
    }

    /** Adds {@code name} and its value to {@code pairs} when {@code attributes} has it. */
    private static void addIfPresent(List<String> pairs, Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value != null) {
            pairs.add(name);
            pairs.add(value);
        }
    }

    private String roleByType(ComponentType parentType, ComponentType childType) {
        for (ComponentType.ChildrenDecl list : parentType.childrenDecls()) {
            if (list.type() == null || isA(childType, list.type())) {
                return list.name();
            }
        }
        for (ComponentType.ChildDecl child : parentType.childDecls()) {
            if (isA(childType, child.type())) {
                return child.name();
            }
        }
        return null;
    }

    private boolean isA(ComponentType type, String ancestor) {
        ComponentType current = type;
        for (int guard = 0; current != null && guard < 100; guard++) {
            if (current.name().equals(ancestor)) {
                return true;
            }
            current = current.extendsName() == null ? null : resolvedTypes.get(current.extendsName());
        }
        return false;
    }

}
