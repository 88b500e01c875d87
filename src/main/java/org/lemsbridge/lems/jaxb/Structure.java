package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** How instances of a component type build their children and connections. */
@XmlRootElement(name = "Structure")
public final class Structure extends LemsElement {

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

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
