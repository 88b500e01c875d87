package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("2  bad input or usage"), out.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.BAD_INPUT, run());
        assertTrue(err.toString().contains("a command is required"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertEquals(ExitCodes.BAD_INPUT, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option"), err.toString());
    }
}
