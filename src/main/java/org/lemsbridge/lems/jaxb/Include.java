package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Pulls another LEMS or NeuroML file into this one. */
@XmlRootElement(name = "Include")
public final class Include extends LeafElement {

    @XmlAttribute
    private String file;

    public String file() {
        return file;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "file", file);
    }
}
