package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A path-valued parameter. */
@XmlRootElement(name = "Path")
public final class PathParameter extends NamedMember {
}
