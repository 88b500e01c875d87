package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Connects an event source to a target, optionally through a receiver component. */
@XmlRootElement(name = "EventConnection")
public final class EventConnection extends LemsElement {

    @XmlAttribute
    private String from;

    @XmlAttribute
    private String to;

    @XmlAttribute
    private String sourcePort;

    @XmlAttribute
    private String targetPort;

    @XmlAttribute
    private String receiver;

    @XmlAttribute
    private String receiverContainer;

    @XmlAttribute
    private String delay;

    @XmlElementRefs({
            @XmlElementRef(type = Assign.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String sourcePort() {
        return sourcePort;
    }

    public String targetPort() {
        return targetPort;
    }

    public String receiver() {
        return receiver;
    }

    public String receiverContainer() {
        return receiverContainer;
    }

    public String delay() {
        return delay;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "from", from);
        putIfPresent(into, "to", to);
        putIfPresent(into, "sourcePort", sourcePort);
        putIfPresent(into, "targetPort", targetPort);
        putIfPresent(into, "receiver", receiver);
        putIfPresent(into, "receiverContainer", receiverContainer);
        putIfPresent(into, "delay", delay);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
