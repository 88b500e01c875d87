package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The compact trees the build stores are the bundled files' trees as the XML parser reads them. */
class BundledCoreTypesTest {

    @Test
    void theStoredTreesAreTheParsedOnes() throws IOException {
        Map<String, XmlElement> parsed = BundledCoreTypes.parseAll();
        try (InputStream in = BundledCoreTypes.class.getResourceAsStream(BundledCoreTypes.COMPACT)) {
            assertNotNull(in, "the build writes " + BundledCoreTypes.COMPACT + " (process-classes)");
            Map<String, XmlElement> stored = CompactTrees.read(new DataInputStream(in));
            assertEquals(List.copyOf(parsed.keySet()), List.copyOf(stored.keySet()));
            for (String file : parsed.keySet()) {
                assertSameTree(parsed.get(file), stored.get(file));
                assertSameTree(parsed.get(file), BundledCoreTypes.parsed(file).orElseThrow());
            }
        }
    }

    @Test
    void equalStringsAreOneObjectAfterReading() throws IOException {
        XmlElement leaf = new XmlElement("Parameter", Map.of("name", "v0"), List.of(),
                new org.lemsbridge.error.SourceLocation("bundled:X.xml", 3, 5));
        XmlElement other = new XmlElement("Parameter", Map.of("name", "v0"), List.of(),
                new org.lemsbridge.error.SourceLocation("bundled:X.xml", 4, 5));
        XmlElement root = new XmlElement("Lems", Map.of(), List.of(leaf, other),
                new org.lemsbridge.error.SourceLocation("bundled:X.xml", 1, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CompactTrees.write(Map.of("X.xml", root), new DataOutputStream(bytes));
        XmlElement read = CompactTrees.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())))
                .get("X.xml");
        assertSameTree(root, read);
        assertSame(read.children().get(0).attributes().get("name"), read.children().get(1).attributes().get("name"));
    }

    /** Equal trees, attributes in the same order, element by element. */
    private static void assertSameTree(XmlElement expected, XmlElement actual) {
        assertEquals(expected, actual);
        assertEquals(new ArrayList<>(expected.attributes().entrySet()), new ArrayList<>(actual.attributes().entrySet()),
                expected.location().toString());
        for (int i = 0; i < expected.children().size(); i++) {
            assertSameTree(expected.children().get(i), actual.children().get(i));
        }
    }
}
