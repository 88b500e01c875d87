package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Moves the component into another regime. */
@XmlRootElement(name = "Transition")
public final class Transition extends LeafElement {

    @XmlAttribute
    private String regime;

    public String regime() {
        return regime;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "regime", regime);
    }
}
