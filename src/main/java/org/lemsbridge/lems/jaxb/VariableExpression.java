package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/** An expression that belongs to one state variable: its new value or its rate of change. */
@XmlTransient
public abstract class VariableExpression extends LeafElement {

    @XmlAttribute
    private String variable;

    @XmlAttribute
    private String value;

    VariableExpression() {
    }

    public final String variable() {
        return variable;
    }

    public final String value() {
        return value;
    }

    @Override
    final void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "variable", variable);
        putIfPresent(into, "value", value);
    }
}
