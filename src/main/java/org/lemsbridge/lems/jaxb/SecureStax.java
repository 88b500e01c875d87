package org.lemsbridge.lems.jaxb;

import java.io.InputStream;
import java.io.Reader;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX readers with DTD support, external entities and entity replacement switched off. */
public final class SecureStax {

    private SecureStax() {
    }

    public static XMLStreamReader open(InputStream in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
    }

    public static XMLStreamReader open(Reader in) throws XMLStreamException {
        return factory().createXMLStreamReader(in);
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
}
