package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.lemsbridge.sim.RunProgress;

class ProgressLineTest {
    private static final long MS = 1_000_000L;

    @Test
    void showsAtMostOncePerIntervalAndAlwaysTheLastStepThenErasesItself() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        ProgressLine line = new ProgressLine(new PrintWriter(text), clock::get, 250 * MS);
        long[] at = {0, 100, 200, 300, 400, 600, 700};
        for (int i = 0; i < at.length; i++) {
            clock.set(at[i] * MS);
            line.progressed(new RunProgress(1000L * i, 10_000, 1e-3 * i, 0.01));
        }
        clock.set(2000 * MS);
        line.progressed(new RunProgress(10_000, 10_000, 0.01, 0.01));
        String shown = text.toString();
        line.close();
        String[] updates = shown.substring(1).split("\r");
        assertEquals(4, updates.length, shown); // at 0 ms, 300 ms, 600 ms and the last step; rates since the last
        assertEquals("simulated 0.000 s of 0.01000 s (0.0%)", updates[0].strip());
        assertEquals("simulated 0.003000 s of 0.01000 s (30.0%), 1.00e+04 steps/s, 1 s left", updates[1].strip());
        assertEquals("simulated 0.005000 s of 0.01000 s (50.0%), 6.67e+03 steps/s, 1 s left", updates[2].strip());
        assertEquals("simulated 0.01000 s of 0.01000 s (100.0%), 3.57e+03 steps/s", updates[3].strip());
        String erase = text.toString().substring(shown.length());
        int widest = "simulated 0.003000 s of 0.01000 s (30.0%), 1.00e+04 steps/s, 1 s left".length();
        assertEquals("\r" + " ".repeat(widest) + "\r", erase);
    }

    @Test
    void aLineShorterThanTheLastOneOverwritesItsTail() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        ProgressLine line = new ProgressLine(new PrintWriter(text), clock::get, 0);
        clock.set(1000 * MS);
        line.progressed(new RunProgress(5, 10, 0.5, 1.0));
        int first = text.toString().length() - 1;
        line.progressed(new RunProgress(10, 10, 1.0, 1.0));
        String second = text.toString().substring(first + 1);
        assertEquals('\r', second.charAt(0));
        assertEquals(first, second.length() - 1, second);
    }

    @Test
    void nothingShownMeansNothingErased() {
        StringWriter text = new StringWriter();
        new ProgressLine(new PrintWriter(text)).close();
        assertEquals("", text.toString());
    }
}
