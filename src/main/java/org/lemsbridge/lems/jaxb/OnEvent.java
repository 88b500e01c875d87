package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Actions applied when an event arrives at a port. */
@XmlRootElement(name = "OnEvent")
public final class OnEvent extends LemsElement {

    @XmlAttribute
    private String port;

    @XmlElementRefs({
            @XmlElementRef(type = StateAssignment.class),
            @XmlElementRef(type = EventOut.class),
            @XmlElementRef(type = Transition.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String port() {
        return port;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "port", port);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
