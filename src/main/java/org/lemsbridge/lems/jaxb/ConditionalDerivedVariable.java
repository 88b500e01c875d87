package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A derived variable whose value is chosen by the first Case whose condition holds. */
@XmlRootElement(name = "ConditionalDerivedVariable")
public final class ConditionalDerivedVariable extends LemsElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String exposure;

    @XmlElementRefs({
            @XmlElementRef(type = Case.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String name() {
        return name;
    }

    public String dimension() {
        return dimension;
    }

    public String description() {
        return description;
    }

    public String exposure() {
        return exposure;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "description", description);
        putIfPresent(into, "exposure", exposure);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
