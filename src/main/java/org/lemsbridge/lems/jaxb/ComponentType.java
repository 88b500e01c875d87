package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElementRef;
import jakarta.xml.bind.annotation.XmlElementRefs;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A component type with its members, in document order. */
@XmlRootElement(name = "ComponentType")
public final class ComponentType extends LemsElement {

    @XmlAttribute
    private String name;

    @XmlAttribute(name = "extends")
    private String extendsType;

    @XmlAttribute
    private String description;

    @XmlElementRefs({
            @XmlElementRef(type = Parameter.class),
            @XmlElementRef(type = IndexParameter.class),
            @XmlElementRef(type = DerivedParameter.class),
            @XmlElementRef(type = Fixed.class),
            @XmlElementRef(type = Constant.class),
            @XmlElementRef(type = Property.class),
            @XmlElementRef(type = Exposure.class),
            @XmlElementRef(type = Requirement.class),
            @XmlElementRef(type = ComponentRequirement.class),
            @XmlElementRef(type = InstanceRequirement.class),
            @XmlElementRef(type = Children.class),
            @XmlElementRef(type = Child.class),
            @XmlElementRef(type = Attachments.class),
            @XmlElementRef(type = EventPort.class),
            @XmlElementRef(type = Text.class),
            @XmlElementRef(type = PathParameter.class),
            @XmlElementRef(type = ComponentReference.class),
            @XmlElementRef(type = Link.class),
            @XmlElementRef(type = Dynamics.class),
            @XmlElementRef(type = Structure.class),
            @XmlElementRef(type = Simulation.class)
    })
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    public String name() {
        return name;
    }

    public String extendsType() {
        return extendsType;
    }

    public String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "extends", extendsType);
        putIfPresent(into, "description", description);
    }

    @Override
    public List<Object> content() {
        return List.copyOf(content);
    }
}
