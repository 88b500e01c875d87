package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** A named member that stands for a quantity of one dimension. */
@XmlTransient
public abstract class NamedDimensionedMember extends NamedMember {

    @XmlAttribute
    private String dimension;

    NamedDimensionedMember() {
    }

    public final String dimension() {
        return dimension;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name());
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description());
    }
}
