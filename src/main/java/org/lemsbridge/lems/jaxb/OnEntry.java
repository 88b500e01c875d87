package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** State assignments applied when a regime is entered. */
@XmlRootElement(name = "OnEntry")
public final class OnEntry extends InitialAssignments {
}
