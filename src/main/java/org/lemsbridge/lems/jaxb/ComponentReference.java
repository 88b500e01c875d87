package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A parameter that names another component. */
@XmlRootElement(name = "ComponentReference")
public final class ComponentReference extends NamedTypedMember {

    @XmlAttribute
    private String local;

    public String local() {
        return local;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name());
        putIfPresent(into, "description", description());
        putIfPresent(into, "type", type());
        putIfPresent(into, "local", local);
    }
}
