package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Actions applied when a condition becomes true. */
@XmlRootElement(name = "OnCondition")
public final class OnCondition extends LemsElement {

    @XmlAttribute
    private String test;

    @XmlElementRefs({
            @XmlElementRef(type = StateAssignment.class),
            @XmlElementRef(type = EventOut.class),
            @XmlElementRef(type = Transition.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String test() {
        return test;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "test", test);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
