package org.lemsbridge.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> COMMANDS = List.of("render", "simulate", "compare", "validate", "import");

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, NearestName.editDistance("simulate", "simulate"));
        assertEquals(1, NearestName.editDistance("simulate", "simlate"));
        assertEquals(1, NearestName.editDistance("args", "argz"));
        assertEquals(2, NearestName.editDistance("compare", "comprae"));
        assertEquals(3, NearestName.editDistance("kitten", "sitting"));
        assertEquals(5, NearestName.editDistance("", "hello"));
    }

    @Test
    void theClosestNameWithinAThirdOfItsLettersIgnoringCase() {
        assertEquals(Optional.of("simulate"), NearestName.among(COMMANDS, "simlate"));
        assertEquals(Optional.of("simulate"), NearestName.among(COMMANDS, "SIMULATE"));
        assertEquals(Optional.of("compare"), NearestName.among(COMMANDS, "comprae"));
        assertEquals(Optional.empty(), NearestName.among(COMMANDS, "serve"));
        assertEquals(Optional.empty(), NearestName.among(COMMANDS, "x".repeat(10_000)));
        assertEquals(Optional.empty(), NearestName.among(List.of(), "simulate"));
    }
}
