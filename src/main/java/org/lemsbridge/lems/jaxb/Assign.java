package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Sets a property of a receiver created by a connection. */
@XmlRootElement(name = "Assign")
public final class Assign extends LeafElement {

    @XmlAttribute
    private String property;

    @XmlAttribute
    private String value;

    public String property() {
        return property;
    }

    public String value() {
        return value;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "property", property);
        putIfPresent(into, "value", value);
    }
}
