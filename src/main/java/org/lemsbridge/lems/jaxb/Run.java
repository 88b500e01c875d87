package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Advances a component by increments of a variable up to a total. */
@XmlRootElement(name = "Run")
public final class Run extends LeafElement {

    @XmlAttribute
    private String component;

    @XmlAttribute
    private String variable;

    @XmlAttribute
    private String increment;

    @XmlAttribute
    private String total;

    public String component() {
        return component;
    }

    public String variable() {
        return variable;
    }

    public String increment() {
        return increment;
    }

    public String total() {
        return total;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "component", component);
        putIfPresent(into, "variable", variable);
        putIfPresent(into, "increment", increment);
        putIfPresent(into, "total", total);
    }
}
