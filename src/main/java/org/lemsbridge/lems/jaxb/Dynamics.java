package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The state, its rates of change and the event handlers of a component type. */
@XmlRootElement(name = "Dynamics")
public final class Dynamics extends LemsElement {

    @XmlAttribute
    private String simultaneous;

    @XmlElementRefs({
            @XmlElementRef(type = StateVariable.class),
            @XmlElementRef(type = DerivedVariable.class),
            @XmlElementRef(type = ConditionalDerivedVariable.class),
            @XmlElementRef(type = TimeDerivative.class),
            @XmlElementRef(type = OnStart.class),
            @XmlElementRef(type = OnCondition.class),
            @XmlElementRef(type = OnEvent.class),
            @XmlElementRef(type = Regime.class),
            @XmlElementRef(type = KineticScheme.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String simultaneous() {
        return simultaneous;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "simultaneous", simultaneous);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
