package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A text-valued parameter. */
@XmlRootElement(name = "Text")
public final class Text extends NamedMember {
}
