package org.lemsbridge.lems.xml;

import java.io.InputStream;
import java.io.Reader;
import java.util.MissingResourceException;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * StAX readers with DTD support, external entities and entity replacement switched off and the element depth
 * bounded, and the one way their failures become {@link BadInputException}s.
 */
public final class SecureStax {

    /** The deepest nesting of elements a LEMS or NeuroML document may have (real ones stay below ten). */
    public static final int MAX_DEPTH = 200;

    private SecureStax() {
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }

    public static XMLStreamReader open(Reader in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }

    /** Where the reader stands, as StAX reports it (just past the current event). */
    public static SourceLocation here(XMLStreamReader reader, String sourceName) {
        return of(reader.getLocation(), sourceName);
    }

    /** Malformed XML, at the place the parser reports and with its message less the parser's own preamble. */
    public static BadInputException malformed(XMLStreamException e, String sourceName) {
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int cut = message.indexOf("Message: ");
        return new BadInputException(of(e.getLocation(), sourceName), "malformed XML: "
                + (cut >= 0 ? message.substring(cut + 9) : message), null, e);
    }

    /**
     * The JDK's StAX parser reports a few malformed inputs (a control character inside a DOCTYPE, say) by failing to
     * find its own error message, as a {@link MissingResourceException}: that is malformed XML too.
     */
    public static BadInputException parserFailure(MissingResourceException e, XMLStreamReader reader,
            String sourceName) {
        SourceLocation where = reader == null ? SourceLocation.unknown(sourceName) : here(reader, sourceName);
        return new BadInputException(where, "malformed XML: the parser stopped at an invalid character ("
                + e.getKey() + ")", null, e);
    }

    /** {@link XMLStreamReader#nextTag()} spelled out with {@code next()}, for readers that override {@code next()}. */
    static int nextTag(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            boolean ignorable = event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.CHARACTERS && reader.isWhiteSpace();
            if (!ignorable) {
                throw new XMLStreamException("expected a start or end tag", reader.getLocation());
            }
            event = reader.next();
        }
        return event;
    }

    private static SourceLocation of(Location at, String sourceName) {
        return at == null ? SourceLocation.unknown(sourceName)
                : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }

    private static XMLInputFactory factory() {
        // the JDK's own parser, without the provider look-up (system properties, jaxp.properties, service files)
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // a backstop for readers that do not count depth themselves; the LEMS reader stops one level earlier with
        // its own message
        trySet(factory, "jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH + 1));
        return factory;
    }

    private static void trySet(XMLInputFactory factory, String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows every property; DTD support is off anyway
        }
    }
}
