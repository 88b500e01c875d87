package org.lemsbridge.lems.xml;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementDecl;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.lemsbridge.lems.jaxb.ObjectFactory;

/**
 * LEMS's fixed vocabulary as the bindings generated from {@code schemas/lems.xsd} declare it: which elements exist
 * at the top level, and for each of them which attributes and child elements it may have. It is read once from the
 * generated classes' JAXB annotations (the classes are never instantiated: a JAXB context costs more start-up than
 * the whole rest of a small run), by the build, which stores it as text in the jar ({@link #lems()}). An element whose schema type has a wildcard is {@linkplain Shape#isOpen() open}:
 * a component, written as {@code <Component>} or under its type's name, takes any attribute and any child.
 */
public final class LemsVocabulary {

    /**
     * What one element may hold: attribute names, child element names (each with the key of its own shape: the
     * binding class's name in the bindings' package), and
     * whether any other attribute or child is allowed; {@code checksGlobals}: such a child, if declared globally,
     * must still match its declaration (a lax wildcard; a skipping one, as in {@code <About>}, checks nothing).
     */
    public record Shape(Set<String> attributes, boolean anyAttribute, Map<String, String> children,
            boolean anyChild, boolean checksGlobals) {

        public Shape {
            attributes = Set.copyOf(attributes);
            children = Map.copyOf(children);
        }

        /** Anything goes inside, except that globally declared elements keep their own shape. */
        public boolean isOpen() {
            return anyChild;
        }

        public boolean allowsAttribute(String attribute) {
            return anyAttribute || attributes.contains(attribute);
        }
    }

    /** The shape of an element the schema does not declare (a component under its type's name). */
    public static final Shape UNDECLARED = new Shape(Set.of(), true, Map.of(), true, true);

    /** The shape of anything inside free content such as {@code <About>}: nothing is checked. */
    public static final Shape UNCHECKED = new Shape(Set.of(), true, Map.of(), true, false);

    private final Map<String, String> globals;
    private final Map<String, Shape> shapes;

    private LemsVocabulary(Map<String, String> globals, Map<String, Shape> shapes) {
        this.globals = Map.copyOf(globals);
        this.shapes = Map.copyOf(shapes);
    }

    /**
     * The vocabulary of the generated LEMS bindings, on first use: from the text the build compiled into
     * {@link VocabularyText} (no binding class or annotation is loaded, which took about 55 ms of a run's start-up),
     * or, in classes the build has not completed, read from the bindings' annotations.
     */
    public static LemsVocabulary lems() {
        return Holder.LEMS;
    }

    /** The shape of an element declared at the top level of the schema ({@code ComponentType}, {@code Unit}, ...). */
    public Optional<Shape> global(String name) {
        String type = globals.get(name);
        return type == null ? Optional.empty() : Optional.of(shapes.get(type));
    }

    /**
     * The shape of a child named {@code name} inside an element of shape {@code parent}: its declared member, or
     * inside an open element a globally declared element or {@link #UNDECLARED}; empty when {@code parent} has no
     * such member.
     */
    public Optional<Shape> child(Shape parent, String name) {
        String type = parent.children().get(name);
        if (type != null) {
            return Optional.of(shapes.get(type));
        }
        if (!parent.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(parent.checksGlobals() ? global(name).orElse(UNDECLARED) : UNCHECKED);
    }

    private static final class Holder {
        static final LemsVocabulary LEMS = load();
    }

    private static LemsVocabulary load() {
        String text = VocabularyText.text();
        return text == null ? fromBindings() : parse(text);
    }

    /**
     * Build step (the pom runs it in process-classes): compiles {@link #text()} of the vocabulary read from the
     * bindings into {@code OUTPUT_CLASSES_FOLDER/}{@link VocabularyText#CLASS_FILE}, as what its {@code text()}
     * returns.
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0], VocabularyText.CLASS_FILE);
        Files.write(file, ConstantMethod.returning(Files.readAllBytes(file), VocabularyText.METHOD,
                fromBindings().text()));
    }

    /**
     * The vocabulary as lines of text, sorted: {@code global NAME KEY}, and per shape {@code shape KEY ANY_ATTRIBUTE
     * ANY_CHILD CHECKS_GLOBALS}, then its {@code attribute NAME} and {@code child NAME KEY} lines.
     */
    String text() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(globals).forEach((name, key) -> text.append("global ").append(name).append(' ').append(key)
                .append('\n'));
        new TreeMap<>(shapes).forEach((key, shape) -> {
            text.append("shape ").append(key).append(' ').append(shape.anyAttribute()).append(' ')
                    .append(shape.anyChild()).append(' ').append(shape.checksGlobals()).append('\n');
            new TreeSet<>(shape.attributes()).forEach(name -> text.append("attribute ").append(name).append('\n'));
            new TreeMap<>(shape.children()).forEach((name, child) -> text.append("child ").append(name).append(' ')
                    .append(child).append('\n'));
        });
        return text.toString();
    }

    /** The vocabulary {@link #text()} wrote. */
    static LemsVocabulary parse(String text) {
        Map<String, String> globals = new HashMap<>();
        Map<String, Shape> shapes = new HashMap<>();
        String key = null;
        boolean[] flags = null;
        Set<String> attributes = new HashSet<>();
        Map<String, String> children = new HashMap<>();
        for (String line : (text + "shape end false false false\n").split("\n")) {
            String[] fields = line.split(" ");
            switch (fields[0]) {
                case "global" -> globals.put(fields[1], fields[2]);
                case "attribute" -> attributes.add(fields[1]);
                case "child" -> children.put(fields[1], fields[2]);
                case "shape" -> {
                    if (key != null) {
                        shapes.put(key, new Shape(attributes, flags[0], children, flags[1], flags[2]));
                    }
                    key = fields[1];
                    flags = new boolean[] {Boolean.parseBoolean(fields[2]), Boolean.parseBoolean(fields[3]),
                            Boolean.parseBoolean(fields[4])};
                    attributes = new HashSet<>();
                    children = new HashMap<>();
                }
                default -> throw new IllegalStateException("not a vocabulary line: " + line);
            }
        }
        return new LemsVocabulary(globals, shapes);
    }

    /** The vocabulary read from the generated bindings' JAXB annotations. */
    static LemsVocabulary fromBindings() {
        Map<Class<?>, Map<String, Class<?>>> declarations = new HashMap<>();
        for (Method factoryMethod : ObjectFactory.class.getMethods()) {
            XmlElementDecl declaration = factoryMethod.getAnnotation(XmlElementDecl.class);
            if (declaration != null) {
                declarations.computeIfAbsent(declaration.scope(), scope -> new LinkedHashMap<>())
                        .put(declaration.name(), factoryMethod.getParameterTypes()[0]);
            }
        }
        Map<String, Class<?>> globals = new LinkedHashMap<>(declarations.getOrDefault(XmlElementDecl.GLOBAL.class,
                Map.of()));
        for (Method factoryMethod : ObjectFactory.class.getMethods()) {
            Class<?> made = factoryMethod.getReturnType();
            XmlRootElement root = made.getAnnotation(XmlRootElement.class);
            if (root != null && factoryMethod.getParameterCount() == 0) {
                globals.put(root.name(), made);
            }
        }
        Map<Class<?>, ClassShape> shapes = new LinkedHashMap<>();
        List<Class<?>> pending = new ArrayList<>(globals.values());
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (!shapes.containsKey(type)) {
                ClassShape shape = shapeOf(type, declarations, globals);
                shapes.put(type, shape);
                pending.addAll(shape.children().values());
            }
        }
        Map<String, String> globalKeys = new HashMap<>();
        globals.forEach((name, type) -> globalKeys.put(name, key(type)));
        Map<String, Shape> keyedShapes = new HashMap<>();
        shapes.forEach((type, shape) -> {
            Map<String, String> children = new HashMap<>();
            shape.children().forEach((name, child) -> children.put(name, key(child)));
            keyedShapes.put(key(type), new Shape(shape.attributes(), shape.anyAttribute(), children,
                    shape.anyChild(), shape.checksGlobals()));
        });
        return new LemsVocabulary(globalKeys, keyedShapes);
    }

    /** A binding class's name in the bindings' package ({@code Dynamics}, {@code ComponentType$Foo}). */
    private static String key(Class<?> type) {
        return type.getName().substring(ObjectFactory.class.getPackageName().length() + 1);
    }

    /** A shape as read from the annotations, its children still as classes. */
    private record ClassShape(Set<String> attributes, boolean anyAttribute, Map<String, Class<?>> children,
            boolean anyChild, boolean checksGlobals) {
    }

    private static ClassShape shapeOf(Class<?> type, Map<Class<?>, Map<String, Class<?>>> declarations,
            Map<String, Class<?>> globals) {
        Set<String> attributes = new LinkedHashSet<>();
        Map<String, Class<?>> children = new LinkedHashMap<>();
        boolean anyAttribute = false;
        boolean anyChild = false;
        boolean checksGlobals = false;
        for (Class<?> at = type; at != Object.class; at = at.getSuperclass()) {
            for (Field field : at.getDeclaredFields()) {
                XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
                if (attribute != null) {
                    attributes.add(attribute.name());
                }
                anyAttribute |= field.isAnnotationPresent(XmlAnyAttribute.class);
                XmlAnyElement any = field.getAnnotation(XmlAnyElement.class);
                if (any != null) {
                    anyChild = true;
                    checksGlobals |= any.lax();
                }
                XmlElement element = field.getAnnotation(XmlElement.class);
                if (element != null) {
                    children.put(element.name(), element.type() != XmlElement.DEFAULT.class ? element.type()
                            : elementClass(field));
                }
                XmlElements elements = field.getAnnotation(XmlElements.class);
                for (XmlElement each : elements == null ? new XmlElement[0] : elements.value()) {
                    children.put(each.name(), each.type());
                }
                XmlElementRefs references = field.getAnnotation(XmlElementRefs.class);
                for (XmlElementRef reference : references == null ? new XmlElementRef[0] : references.value()) {
                    Class<?> scoped = declarations.getOrDefault(at, Map.of()).get(reference.name());
                    children.put(reference.name(), scoped != null ? scoped : globals.get(reference.name()));
                }
            }
        }
        return new ClassShape(attributes, anyAttribute, children, anyChild, checksGlobals);
    }

    /** {@code T} of a {@code List<T>} field, or the field's own type. */
    private static Class<?> elementClass(Field field) {
        Type generic = field.getGenericType();
        if (generic instanceof ParameterizedType list && list.getActualTypeArguments()[0] instanceof Class<?> item) {
            return item;
        }
        return field.getType();
    }
}
