package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Sets a state variable to the value of an expression. */
@XmlRootElement(name = "StateAssignment")
public final class StateAssignment extends LeafElement {

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
