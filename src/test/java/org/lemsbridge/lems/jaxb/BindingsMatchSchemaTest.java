package org.lemsbridge.lems.jaxb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlTransient;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Every element {@code schemas/lems.xsd} declares has a bound class with exactly the schema's attributes and child
 * elements, and every bound class is declared by the schema.
 */
class BindingsMatchSchemaTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** An element as the schema or a class declares it: attribute names and child element names. */
    record Shape(Set<String> attributes, Set<String> children) {
    }

    @Test
    void everyDeclaredElementIsBoundWithTheSameAttributesAndChildren() throws Exception {
        Map<String, Shape> declared = schemaShapes();
        Map<String, Shape> bound = new TreeMap<>();
        collectBound(LemsDocument.class, bound, new TreeSet<>());
        assertTrue(declared.size() >= 50, "the schema declares " + declared.keySet());
        assertEquals(declared.keySet(), bound.keySet());
        for (String element : declared.keySet()) {
            assertEquals(declared.get(element), bound.get(element), element);
        }
    }

    private static Map<String, Shape> schemaShapes() throws Exception {
        Document xsd;
        try (InputStream in = LemsSchema.class.getResourceAsStream(LemsSchema.BUNDLED_XSD)) {
            assertNotNull(in, "schemas/lems.xsd is on the class path");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            xsd = factory.newDocumentBuilder().parse(in);
        }
        Map<String, Element> types = new HashMap<>();
        Map<String, Element> groups = new HashMap<>();
        List<Element> elements = new ArrayList<>();
        for (Element top : children(xsd.getDocumentElement())) {
            switch (top.getLocalName()) {
                case "complexType" -> types.put(top.getAttribute("name"), top);
                case "group" -> groups.put(top.getAttribute("name"), top);
                default -> { }
            }
        }
        Set<String> globalNames = new TreeSet<>();
        for (Element top : children(xsd.getDocumentElement())) {
            if (top.getLocalName().equals("element")) {
                globalNames.add(top.getAttribute("name"));
            }
        }
        globalNames.removeAll(Set.of("Lems", "neuroml"));
        collectElements(xsd.getDocumentElement(), elements);
        Map<String, Shape> shapes = new TreeMap<>();
        for (Element element : elements) {
            String name = element.getAttribute("name");
            Element type = element.hasAttribute("type") ? types.get(local(element.getAttribute("type")))
                    : first(element, "complexType");
            Set<String> attributes = new TreeSet<>();
            Set<String> childNames = new TreeSet<>();
            if (type != null) {
                describe(type, types, groups, globalNames, attributes, childNames);
            }
            Shape shape = new Shape(attributes, childNames);
            Shape earlier = shapes.putIfAbsent(name, shape);
            if (earlier != null) {
                assertEquals(earlier, shape, "every declaration of " + name + " has the same type");
            }
        }
        return shapes;
    }

    private static void collectElements(Element parent, List<Element> into) {
        for (Element child : children(parent)) {
            if (child.getLocalName().equals("element") && child.hasAttribute("name")) {
                into.add(child);
            }
            collectElements(child, into);
        }
    }

    /** A lax wildcard stands for the globally declared elements, the ones it checks; the rest it lets through. */
    private static void describe(Element type, Map<String, Element> types, Map<String, Element> groups,
            Set<String> globalNames, Set<String> attributes, Set<String> childNames) {
        for (Element part : children(type)) {
            switch (part.getLocalName()) {
                case "attribute" -> attributes.add(part.getAttribute("name"));
                case "element" -> childNames.add(part.getAttribute("name"));
                case "any" -> childNames.addAll(globalNames);
                case "group" -> describe(groups.get(local(part.getAttribute("ref"))), types, groups, globalNames,
                        attributes, childNames);
                case "extension" -> {
                    describe(types.get(local(part.getAttribute("base"))), types, groups, globalNames, attributes,
                            childNames);
                    describe(part, types, groups, globalNames, attributes, childNames);
                }
                case "sequence", "choice", "complexContent" -> describe(part, types, groups, globalNames, attributes,
                        childNames);
                default -> { } // annotations, attribute wildcards
            }
        }
    }

    private static void collectBound(Class<?> type, Map<String, Shape> into, Set<String> seen) {
        if (!seen.add(type.getName())) {
            return;
        }
        Set<String> attributes = new TreeSet<>();
        Set<String> childNames = new TreeSet<>();
        List<Class<?>> childTypes = new ArrayList<>();
        for (Field field : boundFields(type)) {
            XmlAttribute attribute = field.getAnnotation(XmlAttribute.class);
            if (attribute != null) {
                attributes.add(attribute.name().equals("##default") ? field.getName() : attribute.name());
            }
            XmlElementRefs refs = field.getAnnotation(XmlElementRefs.class);
            if (refs != null) {
                for (XmlElementRef ref : refs.value()) {
                    childNames.add(ref.type().getAnnotation(XmlRootElement.class).name());
                    childTypes.add(ref.type());
                }
            }
        }
        XmlRootElement root = type.getAnnotation(XmlRootElement.class);
        if (root != null) {
            into.put(root.name(), new Shape(attributes, childNames));
        } else if (type == LemsDocument.class) {
            into.put("Lems", new Shape(attributes, childNames));
            into.put("neuroml", new Shape(attributes, childNames));
        }
        childTypes.forEach(child -> collectBound(child, into, seen));
    }

    /**
     * The fields JAXB binds for a class: its own and those of its {@code @XmlTransient} superclasses, whose
     * properties JAXB maps into the class. A superclass that is not transient would be a bound type of its own.
     */
    private static List<Field> boundFields(Class<?> type) {
        List<Field> fields = new ArrayList<>(List.of(type.getDeclaredFields()));
        for (Class<?> up = type.getSuperclass(); up != Object.class; up = up.getSuperclass()) {
            assertTrue(up.isAnnotationPresent(XmlTransient.class), type + " extends the bound type " + up);
            fields.addAll(List.of(up.getDeclaredFields()));
        }
        return fields;
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && XS.equals(e.getNamespaceURI())) {
                result.add(e);
            }
        }
        return result;
    }

    private static Element first(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst().orElse(null);
    }

    private static String local(String qualified) {
        return qualified.substring(qualified.indexOf(':') + 1);
    }
}
