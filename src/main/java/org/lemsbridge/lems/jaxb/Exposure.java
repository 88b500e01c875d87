package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A quantity a component makes visible to others and to recorders. */
@XmlRootElement(name = "Exposure")
public final class Exposure extends NamedDimensionedMember {
}
