package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Names the simulation component a LEMS file runs. */
@XmlRootElement(name = "Target")
public final class Target extends LeafElement {

    @XmlAttribute
    private String component;

    @XmlAttribute
    private String reportFile;

    @XmlAttribute
    private String timesFile;

    public String component() {
        return component;
    }

    public String reportFile() {
        return reportFile;
    }

    public String timesFile() {
        return timesFile;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "component", component);
        putIfPresent(into, "reportFile", reportFile);
        putIfPresent(into, "timesFile", timesFile);
    }
}
