package org.lemsbridge.lems.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Validates LEMS and NeuroML documents against an XSD, by default the project's own {@code schemas/lems.xsd}. The
 * document is read through {@link SecureStax}: DOCTYPEs refused, nothing external resolved, every element in the
 * LEMS namespace. The schema itself may not fetch anything external either.
 */
public final class LemsSchema {

    /** Where the build puts {@code schemas/lems.xsd} on the class path. */
    public static final String BUNDLED_XSD = "/schemas/lems.xsd";

    private final Schema schema;

    private LemsSchema(Schema schema) {
        this.schema = schema;
    }

    /** The project's own schema, as packaged with the classes. */
    public static LemsSchema bundled() {
        URL xsd = LemsSchema.class.getResource(BUNDLED_XSD);
        if (xsd == null) {
            throw new IllegalStateException(BUNDLED_XSD + " is missing from the class path");
        }
        try (InputStream in = xsd.openStream()) {
            return new LemsSchema(factory().newSchema(new StreamSource(in, xsd.toExternalForm())));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot load " + BUNDLED_XSD + ": " + e.getMessage(), e);
        }
    }

    /** A schema read from a file. */
    public static LemsSchema load(Path xsd) {
        try {
            return new LemsSchema(factory().newSchema(xsd.toFile()));
        } catch (SAXParseException e) {
            throw new BadInputException(new SourceLocation(xsd.toString(), Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), "not a usable XML schema: " + e.getMessage());
        } catch (SAXException e) {
            throw new BadInputException(SourceLocation.unknown(xsd.toString()), "not a usable XML schema: " + e.getMessage());
        }
    }

    /** Every violation in document order; empty when the file is valid. Malformed XML is a {@link BadInputException}. */
    public List<SchemaViolation> validate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(SecureStax.open(in), file.toString());
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read file: " + e.getMessage());
        } catch (XMLStreamException e) {
            throw SecureStax.malformed(e, file.toString());
        }
    }

    public List<SchemaViolation> validate(String xml, String sourceName) {
        try {
            return validate(SecureStax.open(new StringReader(xml)), sourceName);
        } catch (XMLStreamException e) {
            throw SecureStax.malformed(e, sourceName);
        }
    }

    private List<SchemaViolation> validate(XMLStreamReader stream, String sourceName) {
        List<SchemaViolation> violations = new ArrayList<>();
        XMLStreamReader reader = new NamespaceNormalisingReader(stream, sourceName);
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(violations, sourceName));
            validator.validate(new StAXSource(reader));
            return List.copyOf(violations);
        } catch (SAXException | IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadInputException bad) {
                    throw bad;
                }
                if (cause instanceof XMLStreamException malformed) {
                    throw SecureStax.malformed(malformed, sourceName);
                }
            }
            throw new BadInputException(SourceLocation.unknown(sourceName), "cannot validate: " + e.getMessage(), null, e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that already failed
            }
        }
    }

    private static SchemaFactory factory() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("the XML schema factory cannot be made safe: " + e.getMessage(), e);
        }
        return factory;
    }

    private record Collector(List<SchemaViolation> violations, String sourceName) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            violations.add(new SchemaViolation(new SourceLocation(sourceName, Math.max(0, e.getLineNumber()),
                    Math.max(0, e.getColumnNumber())), e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    }
}
