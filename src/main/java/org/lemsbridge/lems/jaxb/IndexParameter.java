package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A dimensionless integer parameter used as an index. */
@XmlRootElement(name = "IndexParameter")
public final class IndexParameter extends NamedMember {
}
