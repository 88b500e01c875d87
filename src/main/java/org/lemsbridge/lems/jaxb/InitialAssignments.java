package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlTransient;

/** State assignments applied once, when an instance is created or a regime is entered. */
@XmlTransient
public abstract class InitialAssignments extends LemsElement {

    @XmlElementRefs({
            @XmlElementRef(type = StateAssignment.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    InitialAssignments() {
    }

    @Override
    public final List<Object> content() {
        return List.copyOf(content);
    }
}
