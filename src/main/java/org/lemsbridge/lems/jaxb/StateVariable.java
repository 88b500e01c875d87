package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A variable whose value persists between steps. */
@XmlRootElement(name = "StateVariable")
public final class StateVariable extends ExposableVariable {
}
