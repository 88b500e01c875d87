package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A plot window. */
@XmlRootElement(name = "DataDisplay")
public final class DataDisplay extends LeafElement {

    @XmlAttribute
    private String title;

    @XmlAttribute
    private String dataRegion;

    public String title() {
        return title;
    }

    public String dataRegion() {
        return dataRegion;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "title", title);
        putIfPresent(into, "dataRegion", dataRegion);
    }
}
