package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A single child component of a given type. */
@XmlRootElement(name = "Child")
public final class Child extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String type;

    @XmlAttribute
    private String description;

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "type", type);
        putIfPresent(into, "description", description);
    }
}
