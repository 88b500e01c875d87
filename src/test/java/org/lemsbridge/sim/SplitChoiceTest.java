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
        String probes = "TATATA";
        String threadsFaster = run(SplitChoice.timed(), 2 * probes.length() + SplitChoice.FIRST_KEEP
                + SplitChoice.KEEP + 1, () -> 10, () -> 20);
        assertEquals(probes + "T".repeat(SplitChoice.FIRST_KEEP) + probes + "T".repeat(SplitChoice.KEEP) + "T",
                threadsFaster);
        String aloneFaster = run(SplitChoice.timed(), 2 * probes.length() + SplitChoice.FIRST_KEEP
                + SplitChoice.KEEP + 1, () -> 30, () -> 20);
        assertEquals(probes + "A".repeat(SplitChoice.FIRST_KEEP) + probes + "A".repeat(SplitChoice.KEEP) + "T",
                aloneFaster);
    }

    @Test
    void eachCycleDecidesOnItsOwnTimes() {
        SplitChoice choice = SplitChoice.timed();
        long[] slowTogether = {50};
        String ways = run(choice, 2 * SplitChoice.PROBES + SplitChoice.FIRST_KEEP, () -> slowTogether[0], () -> 20);
        assertTrue(ways.endsWith("A"), "alone was faster in the first cycle");
        slowTogether[0] = 5; // the machine got quieter: the threads now win
        assertTrue(run(choice, 2 * SplitChoice.PROBES + SplitChoice.KEEP, () -> slowTogether[0], () -> 20)
                .endsWith("T"));
    }

    /**
     * The median window decides, so one window slowed by something else (the JIT compiler replacing the code, a
     * preempted thread) does not: the threads win two of three windows by far and lose one badly.
     */
    @Test
    void oneOddWindowDoesNotDecide() {
        SplitChoice choice = SplitChoice.timed();
        long[] step = {0};
        String ways = run(choice, 2 * SplitChoice.PROBES + 1, () -> step[0]++ < SplitChoice.WINDOW ? 1000 : 10,
                () -> 20);
        assertEquals("TATATAT", ways);
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
