package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.xml.LemsCorpus;

/**
 * The reader, with its vocabulary checks and limits, gives every valid document exactly the tree of the plain StAX
 * builder {@link StaxTreeReader}: tags, attributes, their order, positions.
 */
class SecureXmlEquivalenceTest {

    @Test
    void upstreamLemsFilesReadTheSameBothWays() {
        assertSameTrees(LemsCorpus.upstreamFiles());
    }

    @Test
    void upstreamNeuroMlFilesReadTheSameBothWays() {
        assertSameTrees(LemsCorpus.upstreamNeuroMlFiles());
    }

    @Test
    void projectFilesReadTheSameBothWays() {
        assertSameTrees(LemsCorpus.projectFiles());
    }

    @Test
    void awkwardlyWrittenDocumentsReadTheSameBothWays(@TempDir Path folder) throws Exception {
        List<String> documents = List.of(
                "\uFEFF<Lems><Dimension name=\"voltage\" m=\"1\"/></Lems>",
                "<Lems>\n  <ComponentType\n      name=\"a\"\n      extends=\"b\">\n"
                        + "    <Parameter name=\"p\" dimension=\"none\"\n/>\n  </ComponentType>\n</Lems>",
                "<l:Lems xmlns:l=\"http://www.neuroml.org/lems/0.7.6\"><l:Component id=\"x\" type=\"t\"/></l:Lems>",
                "<Lems><!-- <Component id=\"fake\"/> --><Component id=\"c\" type=\"t\" note=\"a > b\"/>"
                        + "<![CDATA[<Component id=\"also fake\"/>]]><izhikevichCell id=\"i\"><notes>text</notes>"
                        + "</izhikevichCell></Lems>",
                "<neuroml xmlns=\"http://www.neuroml.org/schema/neuroml2\" id=\"n\"><include href=\"x.nml\"/>"
                        + "<pulseGenerator id=\"p\" delay=\"1ms\"/></neuroml>",
                "<Other><Lems/></Other>",
                "<Lems xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Component xsi:type=\"lems:Unknown\" "
                        + "id=\"a\"/><Constant xsi:nil=\"true\" name=\"c\" value=\"1\"/>"
                        + "<cell xsi:type=\"x\" xsi:nil=\"true\" id=\"b\"/></Lems>");
        for (String document : documents) {
            assertEquals(StaxTreeReader.read(document, "doc.xml"), SecureXml.read(document, "doc.xml"), document);
        }
        Path latin1 = folder.resolve("latin1.xml");
        Files.write(latin1, ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Lems>\n"
                + "  <Constant name=\"c\" value=\"1\" description=\"caf\u00e9\"/>\n</Lems>\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        XmlElement fromBytes = SecureXml.read(latin1);
        assertEquals(StaxTreeReader.read(latin1), fromBytes);
        assertEquals("caf\u00e9", fromBytes.children().get(0).attributes().get("description"));
    }

    private static void assertSameTrees(List<Path> files) {
        List<Path> different = new ArrayList<>();
        int elements = 0;
        for (Path file : files) {
            XmlElement expected = StaxTreeReader.read(file);
            XmlElement actual = SecureXml.read(file);
            if (!expected.equals(actual)) {
                different.add(file);
            }
            elements += count(actual);
        }
        assertEquals(List.of(), different, "trees differ");
        assertTrue(elements > files.size(), "read " + elements + " elements from " + files.size() + " files");
    }

    private static int count(XmlElement element) {
        int n = 1;
        for (XmlElement child : element.children()) {
            n += count(child);
        }
        return n;
    }
}
