package org.lemsbridge.lems.jaxb;

import java.util.Map;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Actions applied when a condition becomes true. */
@XmlRootElement(name = "OnCondition")
public final class OnCondition extends TriggeredActions {

    @XmlAttribute
    private String test;

    public String test() {
        return test;
    }

    @Override
    void putDeclaredAttributes(Map<String, String> into) {
        putIfPresent(into, "test", test);
    }
}
