package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The rate of change of a state variable. */
@XmlRootElement(name = "TimeDerivative")
public final class TimeDerivative extends LeafElement {

    @XmlAttribute
    private String variable;

    @XmlAttribute
    private String value;

    public String variable() {
        return variable;
    }

    public String value() {
        return value;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "variable", variable);
        putIfPresent(into, "value", value);
    }
}
