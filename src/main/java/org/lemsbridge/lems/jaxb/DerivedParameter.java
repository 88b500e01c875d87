package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A parameter computed from other parameters, or selected from elsewhere in the model. */
@XmlRootElement(name = "DerivedParameter")
public final class DerivedParameter extends NamedDimensionedMember {

    @XmlAttribute
    private String value;

    @XmlAttribute
    private String select;

    public String value() {
        return value;
    }

    public String select() {
        return select;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        super.putDeclaredAttributes(into);
        putIfPresent(into, "value", value);
        putIfPresent(into, "select", select);
    }
}
