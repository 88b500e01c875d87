package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** State assignments applied when an instance is created. */
@XmlRootElement(name = "OnStart")
public final class OnStart extends InitialAssignments {
}
