package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A port through which events enter or leave. */
@XmlRootElement(name = "EventPort")
public final class EventPort extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String direction;

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String direction() {
        return direction;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "description", description);
        putIfPresent(into, "direction", direction);
    }
}
