package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** State assignments applied when an instance is created. */
@XmlRootElement(name = "OnStart")
public final class OnStart extends LemsElement {

    @XmlElementRefs({
            @XmlElementRef(type = StateAssignment.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
