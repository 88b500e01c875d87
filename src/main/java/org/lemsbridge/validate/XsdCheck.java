package org.lemsbridge.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates a document against an XSD with {@code javax.xml.validation}. The schema may import other schema files
 * beside it; nothing is fetched over the network, and the document itself is read by a parser that refuses any
 * DOCTYPE.
 */
final class XsdCheck {

    private static final int MOST_FINDINGS = 100;

    private final Schema schema;

    private XsdCheck(Schema schema) {
        this.schema = schema;
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
            return new XsdCheck(factory.newSchema(xsd.toFile()));
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
