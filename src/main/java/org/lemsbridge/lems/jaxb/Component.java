package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A component written as a Component element; parameters are attributes, child components are elements. */
@XmlRootElement(name = "Component")
public final class Component extends DefinitionsContainer {

    @XmlAttribute
    private String id;

    @XmlAttribute
    private String type;

    @XmlAttribute(name = "extends")
    private String extendsType;

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
}
