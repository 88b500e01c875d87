package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A per-instance value set from outside, such as a connection weight. */
@XmlRootElement(name = "Property")
public final class Property extends NamedDimensionedMember {

    @XmlAttribute
    private String defaultValue;

    public String defaultValue() {
        return defaultValue;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        super.putDeclaredAttributes(into);
        putIfPresent(into, "defaultValue", defaultValue);
    }
}
