package org.lemsbridge.lems.jaxb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;

import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * What every bound LEMS element has: the attributes its schema type declares (fields of the bound class or of its
 * {@code @XmlTransient} superclasses), any other attribute the file wrote, and its child elements in document order.
 * A child is either a bound element or, for a component written under its type's name and for anything the schema
 * does not declare, a DOM {@link org.w3c.dom.Element}.
 */
@XmlTransient
public abstract class LemsElement {

    @XmlAnyAttribute
    private Map<QName, String> otherAttributes = new LinkedHashMap<>();

    LemsElement() {
    }

    /** Child elements in document order: {@link LemsElement}s and DOM {@link org.w3c.dom.Element}s. */
    public abstract List<Object> content();

    /**
     * Every attribute without a namespace, name to value: first those the schema declares, then the others in
     * document order.
     */
    public final Map<String, String> attributes() {
        Map<String, String> all = new LinkedHashMap<>();
        putDeclaredAttributes(all);
        otherAttributes.forEach((name, value) -> {
            if (name.getNamespaceURI().isEmpty()) {
                all.putIfAbsent(name.getLocalPart(), value);
            }
        });
        return all;
    }

    void putDeclaredAttributes(Map<String, String> into) {
    }

    static void putIfPresent(Map<String, String> into, String name, String value) {
        if (value != null) {
            into.put(name, value);
        }
    }
}
