package org.lemsbridge.lems;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.xml.LemsVocabulary;
import org.lemsbridge.lems.xml.NameHints;
import org.lemsbridge.lems.xml.PlainXml;
import org.lemsbridge.lems.xml.SecureStax;
import org.lemsbridge.lems.xml.TagPositions;

/**
 * Reads a LEMS or NeuroML document in one StAX pass into a tree of {@link XmlElement}s: tags, attributes in the order
 * written, and the line and column of the {@code <} of every element. DOCTYPEs and entity references are refused,
 * nothing external is resolved, and depth and size are bounded. Where the schema fixes the vocabulary (ComponentType
 * and its members, Dimension, Unit, Constant, Target, Include) every element and attribute must be one the generated
 * bindings declare ({@link LemsVocabulary}); components take any attribute and any child.
 */
public final class SecureXml {

    /** The most elements one document may have. */
    public static final int MAX_ELEMENTS = 4_000_000;
    /** The largest document read, in bytes (UTF-8) or characters. */
    public static final long MAX_SIZE = 256L * 1024 * 1024;

    private final String sourceName;
    private final TagPositions positions;
    private final LemsVocabulary vocabulary = LemsVocabulary.lems();
    /** Every attribute value read so far, so that equal values share one String. */
    private final Map<String, String> values = new HashMap<>();
    private int elements;
    private final List<Open> open = new ArrayList<>();
    private XmlElement root;

    private SecureXml(String sourceName, TagPositions positions) {
        this.sourceName = sourceName;
        this.positions = positions;
    }

    /**
     * Reads a file as UTF-8 text, so that element positions can point at the {@code <} of each start tag; a file
     * that is not UTF-8 is read as a byte stream in the encoding it declares, with the positions StAX reports.
     */
    public static XmlElement read(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw tooLarge(name);
            }
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytesOf(file)));
            return read(text.array(), text.limit(), name);
        } catch (MalformedInputException notUtf8) {
            XMLStreamReader stream = null;
            try (InputStream in = Files.newInputStream(file)) {
                stream = SecureStax.open(in);
                return new SecureXml(name, TagPositions.asReported()).document(stream);
            } catch (IOException e) {
                throw IoFailure.cannotRead(name, e);
            } catch (XMLStreamException e) {
                throw SecureStax.malformed(e, name);
            } catch (MissingResourceException e) {
                throw SecureStax.parserFailure(e, stream, name);
            }
        } catch (IOException e) {
            throw IoFailure.cannotRead(name, e);
        }
    }

    /**
     * The file's bytes, read through a stream in small pieces: {@code Files.readAllBytes} reads through a temporary
     * native buffer of the file's size, which the thread keeps cached for the rest of the run (megabytes for a large
     * model).
     */
    private static byte[] bytesOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads the first {@code length} characters of {@code text} without copying them into a String first (a model
     * file of millions of elements is read once as characters: its copies would outlive the parse in the old
     * generation of the heap).
     */
    private static XmlElement read(char[] text, int length, String sourceName) {
        if (length > 0 && text[0] == '\uFEFF') {
            return read(new String(text, 0, length), sourceName);
        }
        SecureXml plain = new SecureXml(sourceName, null);
        if (PlainXml.scan(text, length, plain.new PlainElements())) {
            return plain.root();
        }
        return readWithStax(new String(text, 0, length), sourceName);
    }

    public static XmlElement read(String xml, String sourceName) {
        if (xml.length() > MAX_SIZE) {
            throw tooLarge(sourceName);
        }
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        SecureXml plain = new SecureXml(sourceName, null);
        if (PlainXml.scan(text, plain.new PlainElements())) {
            return plain.root();
        }
        return readWithStax(text, sourceName);
    }

    /** Reads {@code text} (without a byte order mark) with StAX: what {@link PlainXml} leaves, and its test's oracle. */
    static XmlElement readWithStax(String text, String sourceName) {
        XMLStreamReader stream = null;
        try {
            stream = SecureStax.open(new StringReader(text));
            return new SecureXml(sourceName, TagPositions.inText(text)).document(stream);
        } catch (XMLStreamException e) {
            throw SecureStax.malformed(e, sourceName);
        } catch (MissingResourceException e) {
            throw SecureStax.parserFailure(e, stream, sourceName);
        }
    }

    /** An element being read: its start tag is known, its children are still coming. */
    /** An element whose end tag is still to come: its attributes as name, value, name, value, ... */
    private record Open(String tag, List<String> attributes, SourceLocation location, LemsVocabulary.Shape shape,
            List<XmlElement> children) {

        XmlElement close() {
            return new XmlElement(tag, CompactMap.ofPairs(attributes), children, location);
        }
    }

    private XmlElement document(XMLStreamReader stream) throws XMLStreamException {
        try {
            while (stream.hasNext()) {
                switch (stream.next()) {
                    case XMLStreamConstants.DTD -> throw new BadInputException(SecureStax.here(stream, sourceName),
                            "a DOCTYPE is not allowed in LEMS input (DTDs and external entities are refused for"
                                    + " safety)", "remove the <!DOCTYPE ...> declaration");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new BadInputException(
                            SecureStax.here(stream, sourceName), "entity reference &" + stream.getLocalName()
                                    + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> start(stream);
                    case XMLStreamConstants.END_ELEMENT -> end();
                    default -> {
                        // text, comments and processing instructions carry nothing for LEMS
                    }
                }
            }
            return root();
        } finally {
            try {
                stream.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that already failed
            }
        }
    }

    private void start(XMLStreamReader stream) {
        Open element = open(stream.getLocalName(), positions.startOf(stream, sourceName),
                stream.getAttributeCount());
        for (int i = 0; i < stream.getAttributeCount(); i++) {
            String prefix = stream.getAttributePrefix(i);
            if (prefix != null && !prefix.isEmpty()) {
                continue; // xsi:schemaLocation and the like
            }
            attribute(element, stream.getAttributeLocalName(i), stream.getAttributeValue(i));
        }
    }

    /** The elements {@link PlainXml} reads, checked and built as StAX's are. */
    private final class PlainElements implements PlainXml.Handler {
        @Override
        public void start(String tag, int line, int column, List<String> attributes) {
            Open element = open(tag, new SourceLocation(sourceName, line, column), attributes.size() / 2);
            for (int i = 0; i < attributes.size(); i += 2) {
                attribute(element, attributes.get(i), attributes.get(i + 1));
            }
        }

        @Override
        public void end() {
            SecureXml.this.end();
        }
    }

    /** A start tag: bounded depth and count, an element the schema allows here. */
    private Open open(String tag, SourceLocation location, int attributes) {
        if (open.size() >= SecureStax.MAX_DEPTH) {
            throw new BadInputException(location, "elements nested deeper than " + SecureStax.MAX_DEPTH + " levels",
                    "LEMS and NeuroML documents nest a few levels deep; this one is damaged or hostile");
        }
        if (++elements > MAX_ELEMENTS) {
            throw new BadInputException(location, "more than " + MAX_ELEMENTS + " elements in one document");
        }
        Open parent = open.isEmpty() ? null : open.get(open.size() - 1);
        LemsVocabulary.Shape shape = parent == null ? vocabulary.global(tag).orElse(LemsVocabulary.UNDECLARED)
                : vocabulary.child(parent.shape(), tag).orElseThrow(() -> unknownMember(parent, tag, location));
        Open element = new Open(tag, new ArrayList<>(2 * attributes), location, shape, new ArrayList<>());
        open.add(element);
        return element;
    }

    /** An unprefixed attribute of the element just opened: one the schema allows, its value shared when repeated. */
    private void attribute(Open element, String name, String value) {
        if (!element.shape().allowsAttribute(name)) {
            throw unknownAttribute(element.tag(), element.shape(), name, element.location());
        }
        String known = values.putIfAbsent(value, value);
        element.attributes().add(name);
        element.attributes().add(known == null ? value : known);
    }

    private void end() {
        XmlElement done = open.remove(open.size() - 1).close();
        if (open.isEmpty()) {
            root = done;
        } else {
            open.get(open.size() - 1).children().add(done);
        }
    }

    private XmlElement root() {
        if (root == null) {
            throw new BadInputException(SourceLocation.unknown(sourceName), "the document has no root element");
        }
        return root;
    }

    private static BadInputException unknownMember(Open parent, String tag, SourceLocation location) {
        return new BadInputException(location, "<" + NameHints.shortened(tag) + "> is not allowed in <" + parent.tag()
                + ">", NameHints.suggestion(tag, parent.shape().children().keySet(), "<", ">"));
    }

    private static BadInputException unknownAttribute(String tag, LemsVocabulary.Shape shape, String attribute,
            SourceLocation location) {
        return new BadInputException(location, "<" + tag + "> has no attribute '" + NameHints.shortened(attribute) + "'",
                NameHints.suggestion(attribute, shape.attributes(), "'", "'"));
    }

    private static BadInputException tooLarge(String sourceName) {
        return new BadInputException(SourceLocation.unknown(sourceName), "the document is larger than "
                + MAX_SIZE / (1024 * 1024) + " MiB");
    }

}
