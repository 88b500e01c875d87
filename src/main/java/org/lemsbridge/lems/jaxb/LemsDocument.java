package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlType;

/**
 * The root of a LEMS ({@code <Lems>}) or NeuroML ({@code <neuroml>}) document: definitions, component types and
 * components in document order. Components written under their type's name arrive as DOM elements.
 */
@XmlType(name = "Document")
public final class LemsDocument extends LemsElement {

    @XmlElementRefs({
            @XmlElementRef(type = Target.class),
            @XmlElementRef(type = Include.class),
            @XmlElementRef(type = Dimension.class),
            @XmlElementRef(type = Unit.class),
            @XmlElementRef(type = Constant.class),
            @XmlElementRef(type = ComponentType.class),
            @XmlElementRef(type = Component.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
