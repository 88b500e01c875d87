package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A quantity a component needs from its parent or an attachment. */
@XmlRootElement(name = "Requirement")
public final class Requirement extends NamedDimensionedMember {
}
