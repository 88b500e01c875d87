package org.lemsbridge.lems.jaxb;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.MissingResourceException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import jakarta.xml.bind.Unmarshaller;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Unmarshals a LEMS or NeuroML document into the bindings. The document is read through a StAX reader that refuses
 * DOCTYPEs and entity references and never resolves external entities; its elements are seen in the LEMS namespace
 * whatever the file declared. Any root element is accepted here (it is bound as a {@link LemsDocument}); deciding
 * whether the root is acceptable is the caller's business.
 */
public final class LemsDocumentReader {

    private LemsDocumentReader() {
    }

    /**
     * Reads a file as UTF-8 text, so that element positions can point at the {@code <} of each start tag; a file
     * that is not UTF-8 is read as a byte stream in the encoding it declares, with the positions StAX reports.
     */
    public static ParsedDocument read(Path file) {
        String name = file.toString();
        try {
            return read(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (MalformedInputException notUtf8) {
            XMLStreamReader stream = null;
            try (InputStream in = Files.newInputStream(file)) {
                stream = SecureStax.open(in);
                return read(stream, name, TagPositions.asReported());
            } catch (IOException e) {
                throw new BadInputException(SourceLocation.unknown(name), "cannot read file: " + e.getMessage());
            } catch (XMLStreamException e) {
                throw malformed(e, name);
            } catch (MissingResourceException e) {
                throw parserFailure(e, stream, name);
            }
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(name), "cannot read file: " + e.getMessage());
        }
    }

    public static ParsedDocument read(String xml, String sourceName) {
        String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
        XMLStreamReader stream = null;
        try {
            stream = SecureStax.open(new StringReader(text));
            return read(stream, sourceName, TagPositions.inText(text));
        } catch (XMLStreamException e) {
            throw malformed(e, sourceName);
        } catch (MissingResourceException e) {
            throw parserFailure(e, stream, sourceName);
        }
    }

    /**
     * The JDK's StAX parser reports a few malformed inputs (a control character inside a DOCTYPE, say) by failing to
     * find its own error message, as a {@link MissingResourceException}: that is malformed XML too.
     */
    private static BadInputException parserFailure(MissingResourceException e, XMLStreamReader stream,
            String sourceName) {
        Location at = stream == null ? null : stream.getLocation();
        SourceLocation where = at == null ? SourceLocation.unknown(sourceName)
                : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
        return new BadInputException(where, "malformed XML: the parser stopped at an invalid character ("
                + e.getKey() + ")", null, e);
    }

    private static ParsedDocument read(XMLStreamReader stream, String sourceName, TagPositions positions) {
        StartTagRecorder recorder = new StartTagRecorder(stream, sourceName, positions);
        XMLStreamReader reader = new NamespaceNormalisingReader(recorder, sourceName);
        try {
            while (reader.getEventType() != XMLStreamConstants.START_ELEMENT) {
                if (!reader.hasNext()) {
                    throw new BadInputException(SourceLocation.unknown(sourceName), "the document has no root element");
                }
                reader.next();
            }
            Unmarshaller unmarshaller = LemsBindings.context().createUnmarshaller();
            ValidationEvent[] firstProblem = new ValidationEvent[1];
            unmarshaller.setEventHandler(event -> {
                if (firstProblem[0] == null) {
                    firstProblem[0] = event;
                }
                return false;
            });
            JAXBElement<LemsDocument> root;
            try {
                root = unmarshaller.unmarshal(reader, LemsDocument.class);
            } catch (JAXBException e) {
                throw unmarshalFailure(e, firstProblem[0], sourceName);
            }
            while (reader.hasNext()) {
                reader.next(); // what follows the root may still be malformed
            }
            LemsDocument document = root.getValue();
            // the Unmarshaller has a finalizer, so it and its last result (every element of the document, DOM
            // nodes included) stay reachable until a full collection finalizes it: let the result go with the caller
            root.setValue(null);
            return new ParsedDocument(root.getName().getLocalPart(), document, recorder.startTags());
        } catch (XMLStreamException e) {
            throw malformed(e, sourceName);
        } catch (MissingResourceException e) {
            throw parserFailure(e, stream, sourceName);
        } catch (JAXBException e) {
            throw new IllegalStateException("the LEMS bindings cannot unmarshal: " + e, e);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that already failed
            }
        }
    }

    private static BadInputException unmarshalFailure(JAXBException e, ValidationEvent event, String sourceName) {
        Throwable first = event != null && event.getLinkedException() != null ? event.getLinkedException() : e;
        for (Throwable cause = first; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInputException bad) {
                return bad;
            }
            if (cause instanceof XMLStreamException stream) {
                return malformed(stream, sourceName);
            }
        }
        if (event != null) {
            return new BadInputException(locationOf(event, sourceName), "cannot read the document: " + event.getMessage(),
                    null, e);
        }
        return new BadInputException(SourceLocation.unknown(sourceName), "cannot read the document: " + e, null, e);
    }

    static BadInputException malformed(XMLStreamException e, String sourceName) {
        Location at = e.getLocation();
        SourceLocation where = at == null ? SourceLocation.unknown(sourceName)
                : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int cut = message.indexOf("Message: ");
        return new BadInputException(where, "malformed XML: " + (cut >= 0 ? message.substring(cut + 9) : message), null, e);
    }

    private static SourceLocation locationOf(ValidationEvent event, String sourceName) {
        ValidationEventLocator at = event.getLocator();
        return at == null ? SourceLocation.unknown(sourceName)
                : new SourceLocation(sourceName, Math.max(0, at.getLineNumber()), Math.max(0, at.getColumnNumber()));
    }
}
