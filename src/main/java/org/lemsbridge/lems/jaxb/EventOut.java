package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Sends an event through a port. */
@XmlRootElement(name = "EventOut")
public final class EventOut extends LeafElement {

    @XmlAttribute
    private String port;

    public String port() {
        return port;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "port", port);
    }
}
