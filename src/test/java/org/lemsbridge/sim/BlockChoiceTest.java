package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BlockChoiceTest {

    /**
     * Runs {@code blocks} blocks: a team block takes {@code teamNanos} of which the stepping thread stepped a quarter
     * of 1000 member-steps in 500 ns (so alone would take 2000 ns); returns T for a team block, A for one alone.
     */
    private static String run(BlockChoice choice, int blocks, long teamNanos) {
        StringBuilder ways = new StringBuilder();
        for (int b = 0; b < blocks; b++) {
            if (choice.together()) {
                ways.append('T');
                choice.steppedTogether(teamNanos, 500, 250, 1000);
            } else {
                ways.append('A');
                choice.steppedAlone();
            }
        }
        return ways.toString();
    }

    @Test
    void theTeamKeepsGoingWhileItGains() {
        assertEquals("T".repeat(500), run(BlockChoice.timed(), 500, 1100));
        assertEquals("T".repeat(500), run(BlockChoice.timed(), 500, (long) (BlockChoice.GAIN * 2000)));
    }

    @Test
    void strikesInARowSendTheBlocksAloneForAWhileThenTheTeamIsTriedAgain() {
        String ways = run(BlockChoice.timed(), 2 * (BlockChoice.STRIKES + BlockChoice.ALONE) + 1, 1900);
        String cycle = "T".repeat(BlockChoice.STRIKES) + "A".repeat(BlockChoice.ALONE);
        assertEquals(cycle + cycle + "T", ways);
    }

    @Test
    void oneGainingBlockClearsTheStrikes() {
        BlockChoice choice = BlockChoice.timed();
        for (int round = 0; round < 10; round++) {
            assertEquals("T".repeat(BlockChoice.STRIKES - 1), run(choice, BlockChoice.STRIKES - 1, 1900));
            assertEquals("T", run(choice, 1, 1000));
        }
    }

    @Test
    void nothingKnownNothingDecided() {
        BlockChoice choice = BlockChoice.timed();
        for (int b = 0; b < 100; b++) {
            choice.steppedTogether(5000, 0, 0, 1000);
        }
        assertEquals(true, choice.together(), "the stepping thread stepped no member: no strike");
        BlockChoice always = BlockChoice.always();
        assertEquals("T".repeat(200), run(always, 200, 1_000_000));
    }
}
