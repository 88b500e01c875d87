package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A reference to another component, given as an attribute of components of this type. */
@XmlRootElement(name = "Link")
public final class Link extends NamedTypedMember {
}
