package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** How instances of a component type build their children and connections. */
@XmlRootElement(name = "Structure")
public final class Structure extends StructureContainer {
}
