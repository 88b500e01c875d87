package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.testing.SharedFolder;

/**
 * A document given with {@code --schema} a schema for another kind of document gets one line saying so (the kind of
 * document, the schema's file and the root it describes), not the XML validator's "Cannot find the declaration of
 * element"; a root in the wrong namespace is named with the namespace to write.
 */
class SchemaRootTest {

    private static final String LEMS = """
            <Lems>
                <Include file="Cells.xml"/>
                <iafTauCell id="iaf" leakReversal="-65mV" thresh="-55mV" reset="-70mV" tau="30ms"/>
            </Lems>
            """;

    private static final String NEUROML = """
            <neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="inputs">
                <pulseGenerator id="pulse" delay="10ms" duration="100ms" amplitude="0.1nA"/>
            </neuroml>
            """;

    @TempDir
    Path temp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SchemaRootTest.class.getResource(name).toURI());
    }

    /** The LB101 findings of {@code text} (written as {@code fileName}) against {@code xsd}, as lines. */
    private List<String> schemaFindings(String fileName, String text, Path xsd) throws IOException {
        Path file = Files.writeString(temp.resolve(fileName), text);
        FileReport report = Validator.withSchema(List.of(), xsd).validate(file);
        assertEquals(null, report.unreadable());
        return report.findings().stream().filter(f -> f.code() == Code.SCHEMA)
                .map(f -> f.line().substring(temp.toString().length() + 1) + (f.hint() == null ? "" : " | " + f.hint()))
                .toList();
    }

    @Test
    void aLemsDocumentGivenANeuroMlSchemaIsOneClearLine() throws Exception {
        assertEquals(List.of("cell.xml:1:7: error LB101: <Lems> is a LEMS document; the schema tiny-neuroml.xsd"
                + " describes NeuroML (root 'neuroml') | give --schema a schema for this kind of document, or leave"
                + " --schema out: validate checks LEMS and NeuroML without it"),
                schemaFindings("cell.xml", LEMS, resource("tiny-neuroml.xsd")));
    }

    @Test
    void aNeuroMlDocumentGivenALemsSchemaIsOneClearLine() throws Exception {
        assertEquals(List.of("inputs.nml:1:69: error LB101: <neuroml> is a NeuroML document; the schema tiny-lems.xsd"
                + " describes LEMS (root 'Lems') | give --schema a schema for this kind of document, or leave"
                + " --schema out: validate checks LEMS and NeuroML without it"),
                schemaFindings("inputs.nml", NEUROML, resource("tiny-lems.xsd")));
    }

    @Test
    void aRootInAnotherNamespaceNamesTheNamespaceToWrite() throws Exception {
        assertEquals(List.of("inputs.nml:1:22: error LB101: <neuroml> is in no namespace; the schema tiny-neuroml.xsd"
                + " declares it in namespace 'http://www.neuroml.org/schema/neuroml2' | write <neuroml"
                + " xmlns=\"http://www.neuroml.org/schema/neuroml2\" ...>"),
                schemaFindings("inputs.nml", NEUROML.replace(" xmlns=\"http://www.neuroml.org/schema/neuroml2\"", ""),
                        resource("tiny-neuroml.xsd")));
    }

    @Test
    void theSchemasOwnKindOfDocumentIsValidatedAsBefore() throws Exception {
        assertEquals(List.of(), schemaFindings("inputs.nml", NEUROML, resource("tiny-neuroml.xsd")));
        List<String> missing = schemaFindings("inputs.nml", NEUROML.replace(" amplitude=\"0.1nA\"", ""),
                resource("tiny-neuroml.xsd"));
        assertEquals(1, missing.size(), missing.toString());
        assertEquals(true, missing.get(0).startsWith("inputs.nml:2:"), missing.toString());
        assertEquals(true, missing.get(0).contains("'amplitude'"), missing.toString());
    }

    @Test
    void upstreamNeuroMlSchemaGivenALemsDocument() throws IOException {
        Path xsd = SharedFolder.file("upstream/NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd");
        assertEquals(List.of("cell.xml:1:7: error LB101: <Lems> is a LEMS document; the schema NeuroML_v2.3.1.xsd"
                + " describes NeuroML (root 'neuroml') | give --schema a schema for this kind of document, or leave"
                + " --schema out: validate checks LEMS and NeuroML without it"), schemaFindings("cell.xml", LEMS, xsd));
        assertEquals(List.of(), schemaFindings("inputs.nml", NEUROML, xsd));
    }

    @Test
    void upstreamLemsSchemaGivenANeuroMlDocument() throws IOException {
        Path xsd = SharedFolder.file("upstream/LEMS/Schemas/LEMS/LEMS_v0.7.6.xsd");
        assertEquals(List.of("inputs.nml:1:69: error LB101: <neuroml> is a NeuroML document; the schema"
                + " LEMS_v0.7.6.xsd describes LEMS (root 'Lems') | give --schema a schema for this kind of document,"
                + " or leave --schema out: validate checks LEMS and NeuroML without it"),
                schemaFindings("inputs.nml", NEUROML, xsd));
    }
}
