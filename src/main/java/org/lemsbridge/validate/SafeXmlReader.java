package org.lemsbridge.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import org.lemsbridge.lems.XmlElement;

/**
 * Reads an XML document into {@link XmlElement}s keeping each element's line and column. A DOCTYPE or an entity
 * reference is refused before anything it names could be fetched.
 */
final class SafeXmlReader {

    private SafeXmlReader() {
    }

    static XmlElement read(InputStream in, String sourceName) {
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(sourceName), "cannot read: " + e.getMessage());
        }
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text, sourceName);
    }

    private static XmlElement read(String text, String sourceName) {
        XMLStreamReader xml = null;
        try {
            xml = factory().createXMLStreamReader(new StringReader(text));
            return document(xml, sourceName, new Text(text));
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            SourceLocation where = at == null ? SourceLocation.unknown(sourceName)
                    : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
            String message = e.getMessage() == null ? "" : e.getMessage();
            int cut = message.indexOf("Message: ");
            throw new BadInputException(where, "malformed XML" + (message.isEmpty() ? ""
                    : ": " + (cut >= 0 ? message.substring(cut + "Message: ".length()) : message)));
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            // the JDK's parser fails on some invalid characters inside a DOCTYPE with an unchecked exception
            SourceLocation where = xml == null ? SourceLocation.unknown(sourceName) : at(xml, sourceName);
            throw new BadInputException(where, "malformed XML: the parser stopped at an invalid character", null, e);
        } finally {
            close(xml);
        }
    }

    static XmlElement read(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read: " + e.getMessage());
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // the reader failed already
            }
        }
    }

    private record Open(String tag, Map<String, String> attributes, List<XmlElement> children,
            SourceLocation location) {
    }

    /** The document's text with its line starts, to turn a character offset into line and column. */
    private record Text(String text, int[] lineStarts) {
        Text(String text) {
            this(text, text.lines().count() > 0 ? starts(text) : new int[] {0});
        }

        private static int[] starts(String text) {
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Line and column (1-based) of the {@code <} that opens the element whose start tag ends at {@code end}. */
        SourceLocation tagStart(String sourceName, String qualifiedName, int end, SourceLocation fallback) {
            int at = end <= 0 || end > text.length() ? -1 : text.lastIndexOf("<" + qualifiedName, end - 1);
            if (at < 0) {
                return fallback;
            }
            int line = java.util.Arrays.binarySearch(lineStarts, at);
            line = line >= 0 ? line : -line - 2;
            return new SourceLocation(sourceName, line + 1, at - lineStarts[line] + 1);
        }
    }

    private static XmlElement document(XMLStreamReader xml, String sourceName, Text text) throws XMLStreamException {
        Deque<Open> open = new ArrayDeque<>();
        XmlElement root = null;
        while (xml.hasNext()) {
            switch (xml.next()) {
                case XMLStreamConstants.DTD -> throw new BadInputException(at(xml, sourceName),
                        "a DOCTYPE is not allowed (DTDs and external entities are refused)");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(at(xml, sourceName),
                        "entity reference &" + xml.getLocalName() + "; is not allowed");
                case XMLStreamConstants.START_ELEMENT -> {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < xml.getAttributeCount(); i++) {
                        String prefix = xml.getAttributePrefix(i);
                        if (prefix == null || prefix.isEmpty()) {
                            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                        }
                    }
                    String prefix = xml.getPrefix();
                    String qualified = prefix == null || prefix.isEmpty() ? xml.getLocalName()
                            : prefix + ":" + xml.getLocalName();
                    SourceLocation start = text.tagStart(sourceName, qualified, xml.getLocation().getCharacterOffset(),
                            at(xml, sourceName));
                    open.push(new Open(xml.getLocalName(), attributes, new ArrayList<>(), start));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Open done = open.pop();
                    XmlElement element = new XmlElement(done.tag(), done.attributes(), done.children(),
                            done.location());
                    if (open.isEmpty()) {
                        root = element;
                    } else {
                        open.peek().children().add(element);
                    }
                }
                default -> {
                    // text and comments carry nothing structural
                }
            }
        }
        if (root == null) {
            throw new BadInputException(SourceLocation.unknown(sourceName), "the document has no root element");
        }
        return root;
    }

    private static SourceLocation at(XMLStreamReader xml, String sourceName) {
        Location at = xml.getLocation();
        return new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }
}
