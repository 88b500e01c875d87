package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A file of recorded quantities. */
@XmlRootElement(name = "DataWriter")
public final class DataWriter extends LeafElement {

    @XmlAttribute
    private String path;

    @XmlAttribute
    private String fileName;

    public String path() {
        return path;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "path", path);
        putIfPresent(into, "fileName", fileName);
    }
}
