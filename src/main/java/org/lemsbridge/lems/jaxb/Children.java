package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A list of child components, optionally of one type. */
@XmlRootElement(name = "Children")
public final class Children extends NamedTypedMember {

    @XmlAttribute
    private String min;

    @XmlAttribute
    private String max;

    public String min() {
        return min;
    }

    public String max() {
        return max;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name());
        putIfPresent(into, "description", description());
        putIfPresent(into, "type", type());
        putIfPresent(into, "min", min);
        putIfPresent(into, "max", max);
    }
}
