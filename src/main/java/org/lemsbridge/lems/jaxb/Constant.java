package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A named constant quantity, at top level or as a ComponentType member. */
@XmlRootElement(name = "Constant")
public final class Constant extends NamedDimensionedMember {

    @XmlAttribute
    private String value;

    public String value() {
        return value;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name());
        putIfPresent(into, "dimension", dimension());
        putIfPresent(into, "value", value);
        putIfPresent(into, "description", description());
    }
}
