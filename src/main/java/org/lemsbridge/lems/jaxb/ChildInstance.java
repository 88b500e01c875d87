package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Creates an instance of a referenced component as a child. */
@XmlRootElement(name = "ChildInstance")
public final class ChildInstance extends LeafElement {

    @XmlAttribute
    private String component;

    public String component() {
        return component;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "component", component);
    }
}
