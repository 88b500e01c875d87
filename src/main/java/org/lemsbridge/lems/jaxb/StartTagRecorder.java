package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Passes a stream through unchanged and notes every start tag on the way: where it begins and in which order its
 * attributes were written, the two things a bound object does not keep.
 */
final class StartTagRecorder extends StreamReaderDelegate {

    private final String sourceName;
    private final TagPositions positions;
    private final List<StartTag> startTags = new ArrayList<>();

    /** {@code reader} must report elements as written (prefixes included), for {@link TagPositions}. */
    StartTagRecorder(XMLStreamReader reader, String sourceName, TagPositions positions) {
        super(reader);
        this.sourceName = sourceName;
        this.positions = positions;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
            List<String> names = new ArrayList<>(getAttributeCount());
            for (int i = 0; i < getAttributeCount(); i++) {
                String namespace = getAttributeNamespace(i);
                if (namespace == null || namespace.isEmpty()) {
                    names.add(getAttributeLocalName(i));
                }
            }
            startTags.add(new StartTag(getLocalName(), names, positions.startOf(this, sourceName)));
        }
        return event;
    }

    /** Goes through {@link #next()}, so that nothing is skipped unseen. */
    @Override
    public int nextTag() throws XMLStreamException {
        return SecureStax.nextTag(this);
    }

    List<StartTag> startTags() {
        return List.copyOf(startTags);
    }
}
