package org.lemsbridge.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates a document against an XSD with {@code javax.xml.validation}. The schema may import other schema files
 * beside it; nothing is fetched over the network, and the document itself is read by a parser that refuses any
 * DOCTYPE. A document whose root element the schema does not declare (a {@code <Lems>} given to NeuroML's schema)
 * is one finding saying which kind of document meets which schema, instead of the validator's "Cannot find the
 * declaration of element".
 */
final class XsdCheck {

    private static final int MOST_FINDINGS = 100;
    private static final int LONGEST_NAME_SHOWN = 64;

    private final Schema schema;
    private final String schemaName;
    /** The root elements the schema file declares at its top level (empty: it declares them in files it includes). */
    private final List<QName> roots;

    private XsdCheck(Schema schema, String schemaName, List<QName> roots) {
        this.schema = schema;
        this.schemaName = schemaName;
        this.roots = List.copyOf(roots);
    }

    static XsdCheck load(Path xsd) {
        if (!Files.isRegularFile(xsd)) {
            throw new BadInputException(SourceLocation.unknown(xsd.toString()), "no such schema file");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Schema schema = factory.newSchema(xsd.toFile());
            return new XsdCheck(schema, xsd.getFileName().toString(), globalElements(xsd));
        } catch (SAXParseException e) {
            throw new BadInputException(new SourceLocation(xsd.toString(), Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), "not a usable XML schema: " + e.getMessage());
        } catch (SAXException e) {
            throw new BadInputException(SourceLocation.unknown(xsd.toString()), "not a usable XML schema: "
                    + e.getMessage());
        }
    }

    List<Finding> check(Path document) {
        List<Finding> findings = new ArrayList<>();
        String name = document.toString();
        Optional<Finding> otherKind = otherKindOfDocument(document);
        if (otherKind.isPresent()) {
            return List.of(otherKind.get());
        }
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collecting(findings, name));
            validator.validate(new SAXSource(secureReader(), new InputSource(document.toUri().toString())));
        } catch (SAXParseException e) {
            findings.add(finding(e, name));
        } catch (SAXException | ParserConfigurationException e) {
            findings.add(Finding.error(Code.SCHEMA, SourceLocation.unknown(name), "schema validation failed: "
                    + e.getMessage(), null));
        } catch (IOException e) {
            throw IoFailure.cannotRead(name, e);
        }
        return findings.size() > MOST_FINDINGS ? List.copyOf(findings.subList(0, MOST_FINDINGS)) : findings;
    }

    /** The finding for a document whose root element the schema does not declare; empty when it does. */
    private Optional<Finding> otherKindOfDocument(Path document) {
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        Optional<Element> found = rootOf(document);
        if (found.isEmpty() || roots.contains(found.get().name())) {
            return Optional.empty();
        }
        QName root = found.get().name();
        SourceLocation where = new SourceLocation(document.toString(), found.get().line(), found.get().column());
        Optional<QName> sameName = roots.stream().filter(r -> r.getLocalPart().equals(root.getLocalPart())).findFirst();
        if (sameName.isPresent()) {
            String expected = sameName.get().getNamespaceURI();
            return Optional.of(Finding.error(Code.SCHEMA, where, "<" + shown(root.getLocalPart()) + "> is in "
                    + namespace(root.getNamespaceURI()) + "; the schema " + schemaName + " declares it in "
                    + namespace(expected), expected.isEmpty() ? "remove the xmlns attribute"
                            : "write <" + shown(root.getLocalPart()) + " xmlns=\"" + shown(expected) + "\" ...>"));
        }
        return Optional.of(Finding.error(Code.SCHEMA, where, "<" + shown(root.getLocalPart()) + "> is "
                + kindOf(root.getLocalPart()) + "; the schema " + schemaName + " describes " + described(),
                "give --schema a schema for this kind of document, or leave --schema out: validate checks LEMS and"
                        + " NeuroML without it"));
    }

    private static String kindOf(String root) {
        return switch (root) {
            case "Lems" -> "a LEMS document";
            case "neuroml" -> "a NeuroML document";
            default -> "a document with root '" + shown(root) + "'";
        };
    }

    private String described() {
        List<String> names = roots.stream().map(QName::getLocalPart).toList();
        if (names.equals(List.of("neuroml"))) {
            return "NeuroML (root 'neuroml')";
        }
        if (names.equals(List.of("Lems"))) {
            return "LEMS (root 'Lems')";
        }
        return "documents with root " + names.stream().map(n -> "'" + shown(n) + "'").collect(Collectors.joining(
                " or "));
    }

    private static String namespace(String uri) {
        return uri.isEmpty() ? "no namespace" : "namespace '" + shown(uri) + "'";
    }

    /** A name from a file, unless it is too long to be a name: then only its length. */
    private static String shown(String name) {
        return name.length() <= LONGEST_NAME_SHOWN ? name : "(a name of " + name.length() + " characters)";
    }

    /** The top-level {@code xs:element} names of the schema file, in its target namespace. */
    private static List<QName> globalElements(Path xsd) throws SAXException {
        List<QName> names = new ArrayList<>();
        String[] target = {""};
        DefaultHandler handler = new DefaultHandler() {
            private int depth;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (depth == 0 && attributes.getValue("targetNamespace") != null) {
                    target[0] = attributes.getValue("targetNamespace");
                }
                if (depth == 1 && XMLConstants.W3C_XML_SCHEMA_NS_URI.equals(uri) && localName.equals("element")
                        && attributes.getValue("name") != null) {
                    names.add(new QName(target[0], attributes.getValue("name")));
                }
                depth++;
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                depth--;
            }
        };
        try {
            XMLReader reader = secureReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(xsd.toUri().toString()));
        } catch (IOException | ParserConfigurationException e) {
            throw new SAXException(e.getMessage(), e);
        }
        return names;
    }

    /** A document's root element: its name and where its start tag ends. */
    private record Element(QName name, int line, int column) {
    }

    /** The root element of {@code document}; empty when it cannot be read (validation then says why). */
    private static Optional<Element> rootOf(Path document) {
        Element[] root = {null};
        DefaultHandler handler = new DefaultHandler() {
            private Locator locator;

            @Override
            public void setDocumentLocator(Locator locator) {
                this.locator = locator;
            }

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                root[0] = new Element(new QName(uri, localName), locator == null ? 0 : locator.getLineNumber(),
                        locator == null ? 0 : locator.getColumnNumber());
                throw new SAXException("the root is all that is needed");
            }
        };
        try {
            XMLReader reader = secureReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(document.toUri().toString()));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            // the root was found (the handler stops there), or the document cannot be read
        }
        return Optional.ofNullable(root[0]);
    }

    private static XMLReader secureReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        trySet(factory, "http://apache.org/xml/features/disallow-doctype-decl", true);
        trySet(factory, "http://xml.org/sax/features/external-general-entities", false);
        trySet(factory, "http://xml.org/sax/features/external-parameter-entities", false);
        trySet(factory, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newSAXParser().getXMLReader();
    }

    private static void trySet(SAXParserFactory factory, String feature, boolean value)
            throws ParserConfigurationException {
        try {
            factory.setFeature(feature, value);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new ParserConfigurationException("the XML parser cannot be made safe: " + feature);
        }
    }

    private static Finding finding(SAXParseException e, String name) {
        return Finding.error(Code.SCHEMA, new SourceLocation(name, Math.max(0, e.getLineNumber()),
                Math.max(0, e.getColumnNumber())), e.getMessage(), null);
    }

    private record Collecting(List<Finding> findings, String name) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // schema warnings are not findings
        }

        @Override
        public void error(SAXParseException e) {
            if (findings.size() <= MOST_FINDINGS) {
                findings.add(finding(e, name));
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
