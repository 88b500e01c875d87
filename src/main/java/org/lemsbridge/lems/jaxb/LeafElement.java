package org.lemsbridge.lems.jaxb;

import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlTransient;

/**
 * An element whose schema type has no child elements. Children written anyway are kept, so that the model reader
 * can point at them instead of losing them silently.
 */
@XmlTransient
public abstract class LeafElement extends LemsElement {

    @XmlAnyElement
    private List<Object> unexpected = new ArrayList<>();

    LeafElement() {
    }

    @Override
    public final List<Object> content() {
        return List.copyOf(unexpected);
    }
}
