package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A parameter computed from other parameters, or selected from elsewhere in the model. */
@XmlRootElement(name = "DerivedParameter")
public final class DerivedParameter extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String value;

    @XmlAttribute
    private String select;

    public String name() {
        return name;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public String value() {
        return value;
    }

    public String select() {
        return select;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description);
        putIfPresent(into, "value", value);
        putIfPresent(into, "select", select);
    }
}
