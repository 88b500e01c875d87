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

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.error.TextLines;
import org.lemsbridge.lems.xml.SecureStax;

/**
 * A plain StAX loop building {@link XmlElement}s, with no vocabulary and no limits: the test oracle that
 * {@link SecureXml} must agree with on every valid document, element for element, attribute for attribute, position
 * for position.
 */
public final class StaxTreeReader {

    private StaxTreeReader() {
    }

    public static XmlElement read(Path file) {
        try {
            return read(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, null, file.toString(), null);
            } catch (IOException again) {
                throw IoFailure.cannotRead(file, again);
            }
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
    }

    public static XmlElement read(String xml, String sourceName) {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        return read(null, new StringReader(text), sourceName, text);
    }

    /** {@code text}, when known, lets element locations point at the {@code <} rather than past the tag. */
    private static XmlElement read(InputStream stream, Reader reader, String sourceName, String text) {
        XMLStreamReader xml = null;
        try {
            xml = stream != null ? SecureStax.open(stream) : SecureStax.open(reader);
            return readDocument(xml, sourceName, text);
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

    private static XmlElement readDocument(XMLStreamReader xml, String sourceName, String text)
            throws XMLStreamException {
        Deque<Building> open = new ArrayDeque<>();
        TextLines lines = text == null ? null : TextLines.of(text);
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
                    open.push(new Building(xml.getLocalName(), attributes, elementStart(xml, sourceName, text, lines)));
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

    /** Line and column of the {@code <} that opens the current element (StAX reports the end of the tag). */
    private static SourceLocation elementStart(XMLStreamReader xml, String sourceName, String text,
            TextLines lines) {
        Location end = xml.getLocation();
        int offset = end.getCharacterOffset();
        if (text == null || offset <= 0 || offset > text.length()) {
            return locate(xml, sourceName);
        }
        String prefix = xml.getPrefix();
        String name = prefix == null || prefix.isEmpty() ? xml.getLocalName() : prefix + ":" + xml.getLocalName();
        int open = text.lastIndexOf('<', offset - 1);
        while (open >= 0 && !opensElement(text, open, name)) {
            open = text.lastIndexOf('<', open - 1);
        }
        if (open < 0) {
            return locate(xml, sourceName);
        }
        return lines.at(sourceName, open);
    }

    private static boolean opensElement(String text, int at, String name) {
        int end = at + 1 + name.length();
        return text.startsWith(name, at + 1) && end < text.length()
                && (Character.isWhitespace(text.charAt(end)) || text.charAt(end) == '>' || text.charAt(end) == '/');
    }

    private static SourceLocation locate(XMLStreamReader xml, String sourceName) {
        Location at = xml.getLocation();
        return new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }
}
