package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Creates a number of instances of a component, optionally setting a property of each. */
@XmlRootElement(name = "MultiInstantiate")
public final class MultiInstantiate extends LemsElement {

    @XmlAttribute
    private String component;

    @XmlAttribute
    private String number;

    @XmlElementRefs({
            @XmlElementRef(type = Assign.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String component() {
        return component;
    }

    public String number() {
        return number;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "component", component);
        putIfPresent(into, "number", number);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
