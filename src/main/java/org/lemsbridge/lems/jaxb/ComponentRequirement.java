package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A component the type needs from its context. */
@XmlRootElement(name = "ComponentRequirement")
public final class ComponentRequirement extends NamedMember {
}
