package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlTransient;

/** An element holding the building instructions of a Structure: instances, connections and repetitions. */
@XmlTransient
public abstract class StructureContainer extends LemsElement {

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

    StructureContainer() {
    }

    @Override
    public final List<Object> content() {
        return List.copyOf(content);
    }
}
