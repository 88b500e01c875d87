/**
 * JAXB bindings of the LEMS 0.7.6 document model, written by hand to match {@code schemas/lems.xsd}.
 *
 * <p>{@link org.lemsbridge.lems.jaxb.LemsDocumentReader} reads a file through a secure StAX reader that shows every
 * element in the LEMS namespace ({@link org.lemsbridge.lems.jaxb.NamespaceNormalisingReader}) and notes where each
 * element starts and the order of its attributes ({@link org.lemsbridge.lems.jaxb.StartTagRecorder}), then
 * unmarshals it into {@link org.lemsbridge.lems.jaxb.LemsDocument}. Children are kept in document order in one list
 * per element; components written under their type's name, and anything the schema does not declare, are kept as
 * DOM elements. {@link org.lemsbridge.lems.jaxb.LemsSchema} validates a file against the schema through the same
 * reader.
 */
@XmlSchema(namespace = LemsNamespace.URI, elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package org.lemsbridge.lems.jaxb;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
