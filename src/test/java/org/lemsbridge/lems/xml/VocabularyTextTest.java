package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vocabulary the build compiled into VocabularyText is the one the bindings' annotations declare, and reads back as it. */
class VocabularyTextTest {

    @Test
    void theStoredTextIsTheBindingsVocabulary() {
        String stored = VocabularyText.text();
        assertNotNull(stored, "the build compiles the vocabulary into " + VocabularyText.CLASS_FILE + " (process-classes)");
        String fromBindings = LemsVocabulary.fromBindings().text();
        assertTrue(fromBindings.lines().count() > 200, fromBindings);
        assertEquals(fromBindings, stored);
        assertEquals(fromBindings, LemsVocabulary.parse(stored).text());
        assertEquals(fromBindings, LemsVocabulary.lems().text());
    }

    @Test
    void aTextLongerThanOneConstantOfAClassFileIsCompiledWhole(@TempDir Path folder) throws Exception {
        String text = "é€ line\n".repeat(9_000) + "end";
        byte[] original;
        try (var in = VocabularyText.class.getResourceAsStream("/" + VocabularyText.CLASS_FILE)) {
            original = in.readAllBytes();
        }
        Path file = folder.resolve(VocabularyText.CLASS_FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, ConstantMethod.returning(original, VocabularyText.METHOD, text));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.toUri().toURL()}, null)) {
            var method = loader.loadClass(VocabularyText.class.getName()).getDeclaredMethod(VocabularyText.METHOD);
            method.setAccessible(true);
            assertEquals(text, method.invoke(null));
        }
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
