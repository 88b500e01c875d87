package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A variable whose value persists between steps. */
@XmlRootElement(name = "StateVariable")
public final class StateVariable extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String exposure;

    public String name() {
        return name;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public String exposure() {
        return exposure;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description);
        putIfPresent(into, "exposure", exposure);
    }
}
