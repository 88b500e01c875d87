package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeIdTest {

    @Test
    void replacesEveryOtherCharacterAndPrefixesALeadingDigit() {
        assertEquals("NeuroML_Ex2__Izhikevich__tonic_", SafeId.of("NeuroML Ex2: Izhikevich (tonic)"));
        assertEquals("_2cells", SafeId.of("2cells"));
        assertEquals("_x_____y_", SafeId.of("<x> & \"y\""));
        assertEquals("caf_", SafeId.of("café"));
        assertEquals("_", SafeId.of(""));
    }

    @Test
    void identifiersAreTheirOwnSafeId() {
        assertTrue(SafeId.isIdentifier("I_ext"));
        assertFalse(SafeId.isIdentifier("I-ext"));
        assertFalse(SafeId.isIdentifier("2x"));
        assertFalse(SafeId.isIdentifier(""));
    }
}
