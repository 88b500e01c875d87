package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** A ComponentType member without child elements, known by its name and optionally described. */
@XmlTransient
public abstract class NamedMember extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String description;

    NamedMember() {
    }

    public final String name() {
        return name;
    }

    public final String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "description", description);
    }
}
