package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Binds a name to an instance, or to an element of a list. */
@XmlRootElement(name = "With")
public final class With extends LeafElement {

    @XmlAttribute
    private String instance;

    @XmlAttribute
    private String list;

    @XmlAttribute
    private String index;

    @XmlAttribute
    private String as;

    public String instance() {
        return instance;
    }

    public String list() {
        return list;
    }

    public String index() {
        return index;
    }

    public String as() {
        return as;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "instance", instance);
        putIfPresent(into, "list", list);
        putIfPresent(into, "index", index);
        putIfPresent(into, "as", as);
    }
}
