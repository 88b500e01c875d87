package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlRootElement;

/** A slot for components attached at run time, such as synapses and inputs. */
@XmlRootElement(name = "Attachments")
public final class Attachments extends NamedTypedMember {
}
