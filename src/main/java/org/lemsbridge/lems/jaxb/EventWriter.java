package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A file of recorded events. */
@XmlRootElement(name = "EventWriter")
public final class EventWriter extends LeafElement {

    @XmlAttribute
    private String path;

    @XmlAttribute
    private String fileName;

    @XmlAttribute
    private String format;

    public String path() {
        return path;
    }

    public String fileName() {
        return fileName;
    }

    public String format() {
        return format;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "path", path);
        putIfPresent(into, "fileName", fileName);
        putIfPresent(into, "format", format);
    }
}
