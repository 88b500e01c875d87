package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Repeats its content for each instance of a selection. */
@XmlRootElement(name = "ForEach")
public final class ForEach extends LemsElement {

    @XmlAttribute
    private String instances;

    @XmlAttribute
    private String as;

    @XmlElementRefs({
            @XmlElementRef(type = ChildInstance.class),
            @XmlElementRef(type = MultiInstantiate.class),
            @XmlElementRef(type = ForEach.class),
            @XmlElementRef(type = EventConnection.class),
            @XmlElementRef(type = With.class),
            @XmlElementRef(type = Tunnel.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String instances() {
        return instances;
    }

    public String as() {
        return as;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "instances", instances);
        putIfPresent(into, "as", as);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
