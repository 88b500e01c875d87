package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** How components of a type run and record: the Simulation member of a ComponentType. */
@XmlRootElement(name = "Simulation")
public final class Simulation extends LemsElement {

    @XmlElementRefs({
            @XmlElementRef(type = Run.class),
            @XmlElementRef(type = Record.class),
            @XmlElementRef(type = EventRecord.class),
            @XmlElementRef(type = DataDisplay.class),
            @XmlElementRef(type = DataWriter.class),
            @XmlElementRef(type = EventWriter.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
