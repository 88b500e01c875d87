package org.lemsbridge.lems.jaxb;

import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamReader;

import org.lemsbridge.error.SourceLocation;

/**
 * One start tag as the stream met it: the element's local name, the names of its attributes without a namespace
 * in the order written, and the position the StAX reader reported for it.
 */
public record StartTag(String localName, List<String> attributeNames, SourceLocation location) {

    public StartTag {
        attributeNames = List.copyOf(attributeNames);
    }

    static SourceLocation locationOf(XMLStreamReader reader, String sourceName) {
        Location at = reader.getLocation();
        return at == null ? SourceLocation.unknown(sourceName)
                : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }
}
