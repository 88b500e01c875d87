package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Repeats its content for each instance of a selection. */
@XmlRootElement(name = "ForEach")
public final class ForEach extends StructureContainer {

    @XmlAttribute
    private String instances;

    @XmlAttribute
    private String as;

    public String instances() {
        return instances;
    }

    public String as() {
        return as;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "instances", instances);
        putIfPresent(into, "as", as);
    }
}
