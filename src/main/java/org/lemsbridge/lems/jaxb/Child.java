package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A single child component of a given type. */
@XmlRootElement(name = "Child")
public final class Child extends NamedTypedMember {
}
