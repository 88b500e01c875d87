package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The vocabulary the build stored as text is the one the bindings' annotations declare, and reads back as it. */
class VocabularyResourceTest {

    @Test
    void theStoredTextIsTheBindingsVocabulary() throws IOException {
        String stored;
        try (InputStream in = LemsVocabulary.class.getResourceAsStream(LemsVocabulary.RESOURCE)) {
            assertNotNull(in, "the build writes " + LemsVocabulary.RESOURCE + " (process-classes)");
            stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fromBindings = LemsVocabulary.fromBindings().text();
        assertTrue(fromBindings.lines().count() > 200, fromBindings);
        assertEquals(fromBindings, stored);
        assertEquals(fromBindings, LemsVocabulary.parse(stored).text());
        assertEquals(fromBindings, LemsVocabulary.lems().text());
    }

    @Test
    void shapesReadBackEqual() {
        LemsVocabulary stored = LemsVocabulary.lems();
        LemsVocabulary read = LemsVocabulary.fromBindings();
        for (String global : new String[] {"Lems", "neuroml", "ComponentType", "Unit", "Dimension", "Include",
                "Target", "Constant", "Component"}) {
            assertEquals(read.global(global), stored.global(global), global);
        }
        LemsVocabulary.Shape dynamics = stored.child(stored.global("ComponentType").orElseThrow(), "Dynamics")
                .orElseThrow();
        assertEquals(read.child(read.global("ComponentType").orElseThrow(), "Dynamics").orElseThrow(), dynamics);
    }
}
