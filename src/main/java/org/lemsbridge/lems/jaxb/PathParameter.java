package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A path-valued parameter. */
@XmlRootElement(name = "Path")
public final class PathParameter extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String description;

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "description", description);
    }
}
