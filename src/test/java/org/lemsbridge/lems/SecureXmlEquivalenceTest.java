package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lemsbridge.lems.jaxb.LemsCorpus;

/** The JAXB-backed reader gives exactly the tree the former StAX builder gave: tags, attributes, order, positions. */
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
    void renderedSeedsReadTheSameBothWays() {
        for (LemsCorpus.Rendered rendered : LemsCorpus.renderedSeeds()) {
            XmlElement expected = StaxTreeReader.read(rendered.xml(), rendered.seed());
            XmlElement actual = SecureXml.read(rendered.xml(), rendered.seed());
            assertEquals(expected, actual, rendered.seed());
            assertTrue(count(actual) > 20, "the rendered model has its elements");
        }
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
