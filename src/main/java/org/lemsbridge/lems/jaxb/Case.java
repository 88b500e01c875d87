package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** One value of a conditional derived variable; a case without a condition is the default. */
@XmlRootElement(name = "Case")
public final class Case extends LeafElement {

    @XmlAttribute
    private String condition;

    @XmlAttribute
    private String value;

    public String condition() {
        return condition;
    }

    public String value() {
        return value;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "condition", condition);
        putIfPresent(into, "value", value);
    }
}
