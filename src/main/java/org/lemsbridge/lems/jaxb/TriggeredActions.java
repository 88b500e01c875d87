package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlTransient;

/** Actions applied when something happens: state assignments, events sent and regime transitions. */
@XmlTransient
public abstract class TriggeredActions extends LemsElement {

    @XmlElementRefs({
            @XmlElementRef(type = StateAssignment.class),
            @XmlElementRef(type = EventOut.class),
            @XmlElementRef(type = Transition.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    TriggeredActions() {
    }

    @Override
    public final List<Object> content() {
        return List.copyOf(content);
    }
}
