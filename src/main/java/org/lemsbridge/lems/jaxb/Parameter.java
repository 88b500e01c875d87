package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A dimensional parameter that every component of the type sets. */
@XmlRootElement(name = "Parameter")
public final class Parameter extends NamedDimensionedMember {
}
