package org.lemsbridge.lems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlRootElement;

import org.lemsbridge.lems.jaxb.LemsDocumentReader;
import org.lemsbridge.lems.jaxb.LemsElement;
import org.lemsbridge.lems.jaxb.ParsedDocument;
import org.lemsbridge.lems.jaxb.StartTag;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Reads a LEMS or NeuroML document through the JAXB bindings ({@link LemsDocumentReader}: DOCTYPEs refused, nothing
 * external resolved) and hands it on as a tree of {@link XmlElement}s with the line and column of every element.
 * The bound objects give the structure and the values; the start tags the reader noted give each element's
 * position and the order its attributes were written in.
 */
public final class SecureXml {

    private SecureXml() {
    }

    public static XmlElement read(Path file) {
        return toTree(LemsDocumentReader.read(file));
    }

    public static XmlElement read(String xml, String sourceName) {
        return toTree(LemsDocumentReader.read(xml, sourceName));
    }

    private static XmlElement toTree(ParsedDocument document) {
        Iterator<StartTag> tags = document.startTags().iterator();
        StartTag rootTag = next(tags, document.rootName());
        Map<String, String> values = new HashMap<>();
        XmlElement root = new XmlElement(document.rootName(), ordered(rootTag, document.root().attributes(), values),
                children(document.root().content(), tags, values), rootTag.location());
        if (tags.hasNext()) {
            throw new IllegalStateException("the bound document lost the element <" + tags.next().localName() + ">");
        }
        return root;
    }

    /** {@code values}: every attribute value read so far, so that equal values share one String. */
    private static List<XmlElement> children(List<Object> content, Iterator<StartTag> tags,
            Map<String, String> values) {
        List<XmlElement> children = new ArrayList<>(content.size());
        for (Object child : content) {
            children.add(element(child, tags, values));
        }
        return children;
    }

    /** Takes the element's own start tag, then, through its children, those of its subtree: document order. */
    private static XmlElement element(Object child, Iterator<StartTag> tags, Map<String, String> values) {
        if (child instanceof LemsElement bound) {
            String tag = tagOf(bound);
            StartTag start = next(tags, tag);
            return new XmlElement(tag, ordered(start, bound.attributes(), values), children(bound.content(), tags,
                    values), start.location());
        }
        if (child instanceof Element dom) {
            String tag = dom.getLocalName() != null ? dom.getLocalName() : dom.getNodeName();
            StartTag start = next(tags, tag);
            List<Object> elementChildren = new ArrayList<>();
            for (Node node = dom.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element e) {
                    elementChildren.add(e);
                }
            }
            return new XmlElement(tag, ordered(start, attributesOf(dom), values), children(elementChildren, tags,
                    values), start.location());
        }
        throw new IllegalStateException("unexpected bound content " + child.getClass().getName());
    }

    private static String tagOf(LemsElement bound) {
        XmlRootElement root = bound.getClass().getAnnotation(XmlRootElement.class);
        if (root == null) {
            throw new IllegalStateException(bound.getClass().getName() + " is not bound to an element");
        }
        return root.name();
    }

    private static StartTag next(Iterator<StartTag> tags, String expectedName) {
        if (!tags.hasNext()) {
            throw new IllegalStateException("no start tag left for <" + expectedName + ">");
        }
        StartTag start = tags.next();
        if (!start.localName().equals(expectedName)) {
            throw new IllegalStateException("bound <" + expectedName + "> met the start tag <" + start.localName()
                    + "> at " + start.location());
        }
        return start;
    }

    private static Map<String, String> ordered(StartTag start, Map<String, String> attributes,
            Map<String, String> values) {
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (String name : start.attributeNames()) {
            String value = attributes.get(name);
            if (value == null) {
                throw new IllegalStateException("the bound <" + start.localName() + "> at " + start.location()
                        + " lost its attribute " + name);
            }
            String known = values.putIfAbsent(value, value);
            inOrder.put(name, known == null ? value : known);
        }
        return inOrder;
    }

    private static Map<String, String> attributesOf(Element dom) {
        Map<String, String> values = new LinkedHashMap<>();
        NamedNodeMap attributes = dom.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (namespace == null || namespace.isEmpty()) {
                values.put(attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName(),
                        attribute.getValue());
            }
        }
        return values;
    }
}
