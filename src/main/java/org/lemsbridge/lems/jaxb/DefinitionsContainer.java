package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * An element that may hold what a document holds at top level: targets, includes, dimensions, units, constants,
 * component types and components, in document order.
 */
@XmlTransient
public abstract class DefinitionsContainer extends LemsElement {

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

    DefinitionsContainer() {
    }

    @Override
    public final List<Object> content() {
        return List.copyOf(content);
    }
}
