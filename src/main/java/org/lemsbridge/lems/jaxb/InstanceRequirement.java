package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** An instance the type needs from its context, such as a connection's peer. */
@XmlRootElement(name = "InstanceRequirement")
public final class InstanceRequirement extends NamedTypedMember {
}
