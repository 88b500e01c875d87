package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A unit: a symbol, its dimension, and a power of ten, scale and offset relating it to SI. */
@XmlRootElement(name = "Unit")
public final class Unit extends LeafElement {

    @XmlAttribute
    private String symbol;

    @XmlAttribute
    private String dimension;

    @XmlAttribute
    private String power;

    @XmlAttribute
    private String scale;

    @XmlAttribute
    private String offset;

    public String symbol() {
        return symbol;
    }

    public String dimension() {
        return dimension;
    }

    public String power() {
        return power;
    }

    public String scale() {
        return scale;
    }

    public String offset() {
        return offset;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "symbol", symbol);
        putIfPresent(into, "dimension", dimension);
        putIfPresent(into, "power", power);
        putIfPresent(into, "scale", scale);
        putIfPresent(into, "offset", offset);
    }
}
