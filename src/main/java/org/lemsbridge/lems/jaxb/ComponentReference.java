package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A parameter that names another component. */
@XmlRootElement(name = "ComponentReference")
public final class ComponentReference extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String description;

    @XmlAttribute
    private String type;

    @XmlAttribute
    private String local;

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }

    public String local() {
        return local;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "description", description);
        putIfPresent(into, "type", type);
        putIfPresent(into, "local", local);
    }
}
