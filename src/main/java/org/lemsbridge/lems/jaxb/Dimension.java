package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A physical dimension as integer exponents of mass, length, time, current, temperature, amount and luminous
 * intensity.
 */
@XmlRootElement(name = "Dimension")
public final class Dimension extends LeafElement {

    @XmlAttribute
    private String name;

    @XmlAttribute
    private String m;

    @XmlAttribute
    private String l;

    @XmlAttribute
    private String t;

    @XmlAttribute
    private String i;

    @XmlAttribute
    private String k;

    @XmlAttribute
    private String n;

    @XmlAttribute
    private String j;

    public String name() {
        return name;
    }

    public String m() {
        return m;
    }

    public String l() {
        return l;
    }

    public String t() {
        return t;
    }

    public String i() {
        return i;
    }

    public String k() {
        return k;
    }

    public String n() {
        return n;
    }

    public String j() {
        return j;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "name", name);
        putIfPresent(into, "m", m);
        putIfPresent(into, "l", l);
        putIfPresent(into, "t", t);
        putIfPresent(into, "i", i);
        putIfPresent(into, "k", k);
        putIfPresent(into, "n", n);
        putIfPresent(into, "j", j);
    }
}
