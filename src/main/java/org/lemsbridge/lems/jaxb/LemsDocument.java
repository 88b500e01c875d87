package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlType;

/**
 * The root of a LEMS ({@code <Lems>}) or NeuroML ({@code <neuroml>}) document: definitions, component types and
 * components in document order. Components written under their type's name arrive as DOM elements.
 */
@XmlType(name = "Document")
public final class LemsDocument extends DefinitionsContainer {
}
