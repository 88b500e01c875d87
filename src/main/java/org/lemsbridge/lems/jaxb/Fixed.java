package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Fixes a parameter of the extended type to a value. */
@XmlRootElement(name = "Fixed")
public final class Fixed extends LeafElement {

    @XmlAttribute
    private String parameter;

    @XmlAttribute
    private String value;

    @XmlAttribute
    private String description;

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "parameter", parameter);
        putIfPresent(into, "value", value);
        putIfPresent(into, "description", description);
    }
}
