package org.lemsbridge.lems.xml;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * the whole rest of a small run). An element whose schema type has a wildcard is {@linkplain Shape#isOpen() open}:
 * a component, written as {@code <Component>} or under its type's name, takes any attribute and any child.
 */
public final class LemsVocabulary {

    /**
     * What one element may hold: attribute names, child element names (each with its own shape's class), and
     * whether any other attribute or child is allowed; {@code checksGlobals}: such a child, if declared globally,
     * must still match its declaration (a lax wildcard; a skipping one, as in {@code <About>}, checks nothing).
     */
    public record Shape(Set<String> attributes, boolean anyAttribute, Map<String, Class<?>> children,
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

    private final Map<String, Class<?>> globals;
    private final Map<Class<?>, Shape> shapes;

    private LemsVocabulary(Map<String, Class<?>> globals, Map<Class<?>, Shape> shapes) {
        this.globals = Map.copyOf(globals);
        this.shapes = Map.copyOf(shapes);
    }

    /** The vocabulary of the generated LEMS bindings, read on first use. */
    public static LemsVocabulary lems() {
        return Holder.LEMS;
    }

    /** The shape of an element declared at the top level of the schema ({@code ComponentType}, {@code Unit}, ...). */
    public Optional<Shape> global(String name) {
        Class<?> type = globals.get(name);
        return type == null ? Optional.empty() : Optional.of(shapes.get(type));
    }

    /**
     * The shape of a child named {@code name} inside an element of shape {@code parent}: its declared member, or
     * inside an open element a globally declared element or {@link #UNDECLARED}; empty when {@code parent} has no
     * such member.
     */
    public Optional<Shape> child(Shape parent, String name) {
        Class<?> type = parent.children().get(name);
        if (type != null) {
            return Optional.of(shapes.get(type));
        }
        if (!parent.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(parent.checksGlobals() ? global(name).orElse(UNDECLARED) : UNCHECKED);
    }

    private static final class Holder {
        static final LemsVocabulary LEMS = read();
    }

    private static LemsVocabulary read() {
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
        Map<Class<?>, Shape> shapes = new LinkedHashMap<>();
        List<Class<?>> pending = new ArrayList<>(globals.values());
        while (!pending.isEmpty()) {
            Class<?> type = pending.remove(pending.size() - 1);
            if (!shapes.containsKey(type)) {
                Shape shape = shapeOf(type, declarations, globals);
                shapes.put(type, shape);
                pending.addAll(shape.children().values());
            }
        }
        return new LemsVocabulary(globals, shapes);
    }

    private static Shape shapeOf(Class<?> type, Map<Class<?>, Map<String, Class<?>>> declarations,
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
        return new Shape(attributes, anyAttribute, children, anyChild, checksGlobals);
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
