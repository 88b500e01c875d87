package org.lemsbridge.lems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.util.Mapped;

/** One element of a LEMS file as read: tag, attributes in document order, child elements and where it starts. */
public record XmlElement(String tag, Map<String, String> attributes, List<XmlElement> children, SourceLocation location) {

    public XmlElement {
        attributes = CompactMap.copyOf(attributes);
        children = List.copyOf(children);
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public String attributeOr(String name, String fallback) {
        String value = attributes.get(name);
        return value == null ? fallback : value;
    }

    public List<XmlElement> children(String childTag) {
        return Mapped.filtered(children, c -> c.tag.equals(childTag));
    }
}
