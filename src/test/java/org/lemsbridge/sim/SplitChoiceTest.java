package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

class SplitChoiceTest {

    /** Runs {@code windows} windows of steps, each step taking what {@code together}/{@code alone} say; returns the ways. */
    private static String run(SplitChoice choice, int windows, LongSupplier together, LongSupplier alone) {
        StringBuilder ways = new StringBuilder();
        for (int w = 0; w < windows; w++) {
            char way = choice.together() ? 'T' : 'A';
            ways.append(way);
            for (int s = 0; s < SplitChoice.WINDOW; s++) {
                assertEquals(way == 'T', choice.together(), "one way for a whole window");
                long nanos = way == 'T' ? together.getAsLong() : alone.getAsLong();
                choice.stepped(choice.timing() ? nanos : 0);
            }
        }
        return ways.toString();
    }

    @Test
    void probesBothWaysThenKeepsTheFasterUntilTheNextProbe() {
        int cycle = 2 * SplitChoice.PROBES + SplitChoice.KEEP;
        String threadsFaster = run(SplitChoice.timed(), cycle + 2 * SplitChoice.PROBES, () -> 10, () -> 20);
        assertEquals("TATATA" + "T".repeat(SplitChoice.KEEP) + "TATATA", threadsFaster);
        String aloneFaster = run(SplitChoice.timed(), cycle + 2 * SplitChoice.PROBES + 1, () -> 30, () -> 20);
        assertEquals("TATATA" + "A".repeat(SplitChoice.KEEP) + "TATATA" + "A", aloneFaster);
    }

    @Test
    void eachCycleDecidesOnItsOwnTimes() {
        SplitChoice choice = SplitChoice.timed();
        int cycle = 2 * SplitChoice.PROBES + SplitChoice.KEEP;
        long[] slowTogether = {50};
        String ways = run(choice, cycle, () -> slowTogether[0], () -> 20);
        assertTrue(ways.endsWith("A"), "alone was faster in the first cycle");
        slowTogether[0] = 5; // the machine got quieter: the threads now win
        assertTrue(run(choice, cycle, () -> slowTogether[0], () -> 20).endsWith("T"));
    }

    @Test
    void askedForThreadsAlwaysStepsOnThemAndTimesNothing() {
        SplitChoice choice = SplitChoice.always();
        for (int s = 0; s < 10 * SplitChoice.WINDOW; s++) {
            assertTrue(choice.together());
            assertFalse(choice.timing());
            choice.stepped(0);
        }
    }
}
