package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Records the events leaving a port. */
@XmlRootElement(name = "EventRecord")
public final class EventRecord extends LeafElement {

    @XmlAttribute
    private String quantity;

    @XmlAttribute
    private String eventPort;

    public String quantity() {
        return quantity;
    }

    public String eventPort() {
        return eventPort;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "quantity", quantity);
        putIfPresent(into, "eventPort", eventPort);
    }
}
