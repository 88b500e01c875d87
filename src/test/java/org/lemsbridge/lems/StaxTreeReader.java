package org.lemsbridge.lems;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The reader {@link SecureXml} used before it went through the JAXB bindings: a StAX loop building
 * {@link XmlElement}s directly. Kept as the test oracle that the bound reader must agree with, element for
 * element, attribute for attribute, position for position.
 */
final class StaxTreeReader {

    private StaxTreeReader() {
    }

    static XmlElement read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, null, file.toString());
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read file: " + e.getMessage());
        }
    }

    static XmlElement read(String xml, String sourceName) {
        return read(null, new StringReader(xml), sourceName);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows every property; DTD support is off anyway
        }
    }

    private static XmlElement read(InputStream stream, Reader reader, String sourceName) {
        XMLStreamReader xml = null;
        try {
            xml = stream != null ? factory().createXMLStreamReader(stream) : factory().createXMLStreamReader(reader);
            return readDocument(xml, sourceName);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            SourceLocation where = at == null ? SourceLocation.unknown(sourceName)
                    : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            int cut = message.indexOf("Message: ");
            throw new BadInputException(where, "malformed XML: " + (cut >= 0 ? message.substring(cut + 9) : message), null, e);
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed
                }
            }
        }
    }

    private static final class Building {
        final String tag;
        final Map<String, String> attributes;
        final List<XmlElement> children = new ArrayList<>();
        final SourceLocation location;

        Building(String tag, Map<String, String> attributes, SourceLocation location) {
            this.tag = tag;
            this.attributes = attributes;
            this.location = location;
        }

        XmlElement build() {
            return new XmlElement(tag, attributes, children, location);
        }
    }

    private static XmlElement readDocument(XMLStreamReader xml, String sourceName) throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        XmlElement root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new BadInputException(locate(xml, sourceName),
                        "a DOCTYPE is not allowed in LEMS input (DTDs and external entities are refused for safety)",
                        "remove the <!DOCTYPE ...> declaration");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(locate(xml, sourceName),
                        "entity reference &" + xml.getLocalName() + "; is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String prefix = xml.getAttributePrefix(i);
                        if (prefix != null && !prefix.isEmpty()) {
                            continue; // xsi:schemaLocation and similar
                        }
                        attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                    }
                    open.push(new Building(xml.getLocalName(), attributes, locate(xml, sourceName)));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // text, comments and processing instructions carry nothing for LEMS
                }
            }
        }
        if (root == null) {
            throw new BadInputException(SourceLocation.unknown(sourceName), "the document has no root element");
        }
        return root;
    }

    private static SourceLocation locate(XMLStreamReader xml, String sourceName) {
        Location at = xml.getLocation();
        return new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }
}
