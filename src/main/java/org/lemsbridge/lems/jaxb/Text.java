package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A text-valued parameter. */
@XmlRootElement(name = "Text")
public final class Text extends LeafElement {

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
