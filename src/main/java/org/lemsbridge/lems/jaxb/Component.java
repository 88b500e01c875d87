package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A component written as a Component element; parameters are attributes, child components are elements. */
@XmlRootElement(name = "Component")
public final class Component extends LemsElement {

    @XmlAttribute
    private String id;

    @XmlAttribute
    private String type;

    @XmlAttribute(name = "extends")
    private String extendsType;

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

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String extendsType() {
        return extendsType;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "id", id);
        putIfPresent(into, "type", type);
        putIfPresent(into, "extends", extendsType);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
