package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** One of several modes of the dynamics, with its own rates and handlers. */
@XmlRootElement(name = "Regime")
public final class Regime extends LemsElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String initial;

    @XmlElementRefs({
            @XmlElementRef(type = TimeDerivative.class),
            @XmlElementRef(type = OnEntry.class),
            @XmlElementRef(type = OnCondition.class),
            @XmlElementRef(type = OnEvent.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String name() {
        return name;
    }

    public String initial() {
        return initial;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "initial", initial);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
