package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {
    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(last.out().contains("2  bad input or usage"), last.out());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.BAD_INPUT, run());
        assertTrue(last.err().contains("a command is required"), last.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.BAD_INPUT, run("--no-such-option"));
        assertTrue(last.err().contains("Unknown option"), last.err());
    }
}
