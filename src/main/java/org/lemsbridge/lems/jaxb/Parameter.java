package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A dimensional parameter that every component of the type sets. */
@XmlRootElement(name = "Parameter")
public final class Parameter extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String description;

    public String name() {
        return name;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description);
    }
}
