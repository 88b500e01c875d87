package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A variable computed each step from an expression or from a selection over children. */
@XmlRootElement(name = "DerivedVariable")
public final class DerivedVariable extends ExposableVariable {

    @XmlAttribute
    private String value;

    @XmlAttribute
    private String select;

    @XmlAttribute
    private String reduce;

    @XmlAttribute
    private String required;

    public String value() {
        return value;
    }

    public String select() {
        return select;
    }

    public String reduce() {
        return reduce;
    }

    public String required() {
        return required;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        super.putDeclaredAttributes(into);
        putIfPresent(into, "value", value);
        putIfPresent(into, "select", select);
        putIfPresent(into, "reduce", reduce);
        putIfPresent(into, "required", required);
    }
}
