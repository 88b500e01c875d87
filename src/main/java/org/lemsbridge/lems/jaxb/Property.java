package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A per-instance value set from outside, such as a connection weight. */
@XmlRootElement(name = "Property")
public final class Property extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String defaultValue;

    public String name() {
        return name;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description);
        putIfPresent(into, "defaultValue", defaultValue);
    }
}
