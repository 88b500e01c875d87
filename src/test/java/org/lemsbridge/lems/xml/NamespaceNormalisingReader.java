package org.lemsbridge.lems.xml;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Shows a LEMS or NeuroML document with every element in the LEMS 0.7.6 namespace, whichever namespace (or none)
 * the file used, so that one schema serves them all. Attributes keep their namespace.
 * A DOCTYPE or an entity reference stops the reading with a {@link BadInputException}.
 */
public final class NamespaceNormalisingReader extends StreamReaderDelegate {

    private final String sourceName;

    public NamespaceNormalisingReader(XMLStreamReader reader, String sourceName) {
        super(reader);
        this.sourceName = sourceName;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.DTD) {
            throw new BadInputException(here(),
                    "a DOCTYPE is not allowed in LEMS input (DTDs and external entities are refused for safety)",
                    "remove the <!DOCTYPE ...> declaration");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new BadInputException(here(), "entity reference &" + getLocalName() + "; is not allowed");
        }
        return event;
    }

    /** Goes through {@link #next()}, so that nothing is skipped unseen. */
    @Override
    public int nextTag() throws XMLStreamException {
        return SecureStax.nextTag(this);
    }

    @Override
    public String getNamespaceURI() {
        return isElement() ? LemsNamespace.URI : super.getNamespaceURI();
    }

    @Override
    public QName getName() {
        return isElement() ? new QName(LemsNamespace.URI, getLocalName(), XMLConstants.DEFAULT_NS_PREFIX)
                : super.getName();
    }

    @Override
    public String getPrefix() {
        return isElement() ? XMLConstants.DEFAULT_NS_PREFIX : super.getPrefix();
    }

    private boolean isElement() {
        int event = getEventType();
        return event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT;
    }

    private SourceLocation here() {
        return SecureStax.here(this, sourceName);
    }
}
