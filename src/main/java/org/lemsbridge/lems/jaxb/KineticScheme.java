package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A kinetic scheme over child states connected by transitions with forward and reverse rates. */
@XmlRootElement(name = "KineticScheme")
public final class KineticScheme extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String nodes;

    @XmlAttribute
    private String stateVariable;

    @XmlAttribute
    private String edges;

    @XmlAttribute
    private String edgeSource;

    @XmlAttribute
    private String edgeTarget;

    @XmlAttribute
    private String forwardRate;

    @XmlAttribute
    private String reverseRate;

    @XmlAttribute
    private String dependency;

    @XmlAttribute
    private String step;

    public String name() {
        return name;
    }

    public String nodes() {
        return nodes;
    }

    public String stateVariable() {
        return stateVariable;
    }

    public String edges() {
        return edges;
    }

    public String edgeSource() {
        return edgeSource;
    }

    public String edgeTarget() {
        return edgeTarget;
    }

    public String forwardRate() {
        return forwardRate;
    }

    public String reverseRate() {
        return reverseRate;
    }

    public String dependency() {
        return dependency;
    }

    public String step() {
        return step;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "nodes", nodes);
        putIfPresent(into, "stateVariable", stateVariable);
        putIfPresent(into, "edges", edges);
        putIfPresent(into, "edgeSource", edgeSource);
        putIfPresent(into, "edgeTarget", edgeTarget);
        putIfPresent(into, "forwardRate", forwardRate);
        putIfPresent(into, "reverseRate", reverseRate);
        putIfPresent(into, "dependency", dependency);
        putIfPresent(into, "step", step);
    }
}
