package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Records a quantity into a display or output file. */
@XmlRootElement(name = "Record")
public final class Record extends LeafElement {

    @XmlAttribute
    private String quantity;

    @XmlAttribute
    private String timeScale;

    @XmlAttribute
    private String scale;

    @XmlAttribute
    private String color;

    public String quantity() {
        return quantity;
    }

    public String timeScale() {
        return timeScale;
    }

    public String scale() {
        return scale;
    }

    public String color() {
        return color;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "quantity", quantity);
        putIfPresent(into, "timeScale", timeScale);
        putIfPresent(into, "scale", scale);
        putIfPresent(into, "color", color);
    }
}
