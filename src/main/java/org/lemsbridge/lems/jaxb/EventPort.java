package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A port through which events enter or leave. */
@XmlRootElement(name = "EventPort")
public final class EventPort extends NamedMember {

    @XmlAttribute
    private String direction;

    public String direction() {
        return direction;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        super.putDeclaredAttributes(into);
        putIfPresent(into, "direction", direction);
    }
}
