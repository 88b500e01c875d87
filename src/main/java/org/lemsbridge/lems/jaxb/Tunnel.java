package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A two-way connection between two instances, as used for gap junctions. */
@XmlRootElement(name = "Tunnel")
public final class Tunnel extends LemsElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String endA;

    @XmlAttribute
    private String endB;

    @XmlAttribute
    private String componentA;

    @XmlAttribute
    private String componentB;

    @XmlElementRefs({
            @XmlElementRef(type = Assign.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String name() {
        return name;
    }

    public String endA() {
        return endA;
    }

    public String endB() {
        return endB;
    }

    public String componentA() {
        return componentA;
    }

    public String componentB() {
        return componentB;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "endA", endA);
        putIfPresent(into, "endB", endB);
        putIfPresent(into, "componentA", componentA);
        putIfPresent(into, "componentB", componentB);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
