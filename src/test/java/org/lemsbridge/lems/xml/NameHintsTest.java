package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class NameHintsTest {

    @Test
    void aCloseNameIsOfferedAndOtherwiseTheKnownOnesAreListed() {
        Set<String> known = Set.of("dimension", "name", "exposure");
        assertEquals("did you mean 'dimension'?", NameHints.suggestion("dimenson", known, "'", "'"));
        assertEquals("did you mean 'name'?", NameHints.suggestion("Name", known, "'", "'"));
        assertEquals("allowed here: dimension, exposure, name", NameHints.suggestion("colour", known, "'", "'"));
        assertEquals("it takes none here", NameHints.suggestion("x", Set.of(), "<", ">"));
    }

    @Test
    void longNamesAreCutShort() {
        String long70 = "a".repeat(70);
        assertEquals("a".repeat(60) + "...", NameHints.shortened(long70));
        assertEquals("allowed here: name", NameHints.suggestion(long70, Set.of("name"), "'", "'"));
    }
}
