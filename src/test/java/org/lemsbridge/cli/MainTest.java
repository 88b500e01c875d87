package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void placeholder() {
        assertEquals(2, 1 + 1);
    }
}
