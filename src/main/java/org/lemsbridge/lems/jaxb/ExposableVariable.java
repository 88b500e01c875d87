package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** A variable of the dynamics that may be made visible through an Exposure of the same type. */
@XmlTransient
public abstract class ExposableVariable extends NamedDimensionedMember {

    @XmlAttribute
    private String exposure;

    ExposableVariable() {
    }

    public final String exposure() {
        return exposure;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        super.putDeclaredAttributes(into);
        putIfPresent(into, "exposure", exposure);
    }
}
