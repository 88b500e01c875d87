package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;


import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The vocabulary the reader takes from the generated bindings is the schema's: every element {@code schemas/lems.xsd}
 * declares, reached from the document root, has exactly the schema's attributes and child elements, and nothing
 * else is declared. A lax wildcard stands for the globally declared elements, which it checks.
 */
class VocabularyMatchesSchemaTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    /** An element as the schema or a class declares it: attribute names and child element names. */
    record Shape(Set<String> attributes, Set<String> children) {
    }

    @Test
    void everyDeclaredElementHasTheSchemasAttributesAndChildren() throws Exception {
        Map<String, Shape> declared = schemaShapes();
        Map<String, Shape> read = new TreeMap<>();
        LemsVocabulary vocabulary = LemsVocabulary.lems();
        for (String root : List.of("Lems", "neuroml")) {
            collect(vocabulary, root, vocabulary.global(root).orElseThrow(), read);
        }
        assertTrue(declared.size() >= 50, "the schema declares " + declared.keySet());
        assertEquals(declared.keySet(), read.keySet());
        for (String element : declared.keySet()) {
            assertEquals(declared.get(element), read.get(element), element);
        }
    }

    @Test
    void componentsAndDocumentsAreOpenAndDefinitionsAreNot() {
        LemsVocabulary vocabulary = LemsVocabulary.lems();
        LemsVocabulary.Shape document = vocabulary.global("Lems").orElseThrow();
        assertTrue(document.isOpen());
        assertEquals(LemsVocabulary.UNDECLARED, vocabulary.child(document, "izhikevichCell").orElseThrow());
        assertTrue(vocabulary.global("Component").orElseThrow().allowsAttribute("threshold"));
        LemsVocabulary.Shape type = vocabulary.global("ComponentType").orElseThrow();
        assertFalse(type.isOpen());
        assertFalse(type.allowsAttribute("extend"));
        assertTrue(vocabulary.child(type, "Behavior").isEmpty());
        LemsVocabulary.Shape dynamics = vocabulary.child(type, "Dynamics").orElseThrow();
        LemsVocabulary.Shape regime = vocabulary.child(dynamics, "Regime").orElseThrow();
        assertEquals(Set.of("TimeDerivative", "OnEntry", "OnCondition", "OnEvent"), regime.children().keySet());
        assertEquals(Set.of("name", "initial"), regime.attributes());
        LemsVocabulary.Shape about = vocabulary.child(type, "About").orElseThrow();
        assertEquals(LemsVocabulary.UNCHECKED, vocabulary.child(about, "Unit").orElseThrow());
    }

    /** Every element reachable from {@code name}, by element name; an open element's children are the globals. */
    private static void collect(LemsVocabulary vocabulary, String name, LemsVocabulary.Shape shape,
            Map<String, Shape> into) {
        Set<String> children = new TreeSet<>(shape.children().keySet());
        if (shape.isOpen() && shape.checksGlobals()) {
            children.addAll(GLOBALS);
        }
        Shape mine = new Shape(new TreeSet<>(shape.attributes()), children);
        Shape earlier = into.putIfAbsent(name, mine);
        if (earlier != null) {
            assertEquals(earlier, mine, "every declaration of " + name + " has the same shape");
            return;
        }
        for (String child : children) {
            collect(vocabulary, child, vocabulary.child(shape, child).orElseThrow(), into);
        }
    }

    private static final Set<String> GLOBALS = Set.of("Target", "Include", "Dimension", "Unit", "Constant",
            "ComponentType", "Component");

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
        assertEquals(GLOBALS, globalNames);
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

    /**
     * A lax wildcard stands for the globally declared elements, the ones it checks; the rest it lets through. A
     * skipping one checks nothing.
     */
    private static void describe(Element type, Map<String, Element> types, Map<String, Element> groups,
            Set<String> globalNames, Set<String> attributes, Set<String> childNames) {
        for (Element part : children(type)) {
            switch (part.getLocalName()) {
                case "attribute" -> attributes.add(part.getAttribute("name"));
                case "element" -> childNames.add(part.getAttribute("name"));
                case "any" -> {
                    if (!part.getAttribute("processContents").equals("skip")) {
                        childNames.addAll(globalNames);
                    }
                }
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
