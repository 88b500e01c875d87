package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** A named member that refers to components of one ComponentType. */
@XmlTransient
public abstract class NamedTypedMember extends NamedMember {

    @XmlAttribute
    private String type;

    NamedTypedMember() {
    }

    public final String type() {
        return type;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name());
        putIfPresent(into, "type", type);
        putIfPresent(into, "description", description());
    }
}
