package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Actions applied when an event arrives at a port. */
@XmlRootElement(name = "OnEvent")
public final class OnEvent extends TriggeredActions {

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
