package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Creates a number of instances of a component. */
@XmlRootElement(name = "MultiInstantiate")
public final class MultiInstantiate extends LeafElement {

    @XmlAttribute
    private String component;

    @XmlAttribute
    private String componentType;

    @XmlAttribute
    private String number;

    public String component() {
        return component;
    }

    public String componentType() {
        return componentType;
    }

    public String number() {
        return number;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "component", component);
        putIfPresent(into, "componentType", componentType);
        putIfPresent(into, "number", number);
    }
}
