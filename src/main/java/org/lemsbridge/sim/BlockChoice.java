package org.lemsbridge.sim;

/**
 * Chooses, block by block, whether {@link StepBlocks} steps a block on its team of threads or on the stepping thread
 * alone, without stepping blocks alone to time them: the stepping thread times the pieces it steps itself in a team
 * block, which tells what the whole block would have taken it alone. A team block that took nearly that long (the
 * other threads did not get to run, or held the stepping thread up) is a strike; after {@link #STRIKES} in a row
 * the blocks step alone for {@link #ALONE} blocks (the other threads then sleep), then the team is tried again.
 * Timing blocks alone against team blocks instead misleads where waking a sleeping thread takes milliseconds (an
 * idle virtual processor): the first team blocks after an alone stretch are always slow.
 */
final class BlockChoice {
    /** Team blocks in a row that gained less than {@link #GAIN} before the blocks step alone. */
    static final int STRIKES = 4;
    /** Blocks stepped alone after {@link #STRIKES} strikes. */
    static final int ALONE = 64;
    /** A team block must take at most this fraction of the stepping thread's estimate alone. */
    static final double GAIN = 0.9;

    private final boolean adaptive;
    private int strikes;
    private int aloneLeft;

    private BlockChoice(boolean adaptive) {
        this.adaptive = adaptive;
    }

    /** Always on the team (threads asked for explicitly). */
    static BlockChoice always() {
        return new BlockChoice(false);
    }

    /** On the team while it gains (automatic threads). */
    static BlockChoice timed() {
        return new BlockChoice(true);
    }

    /** Whether the coming block steps on the team (else alone; then call {@link #steppedAlone}). */
    boolean together() {
        return !adaptive || aloneLeft == 0;
    }

    void steppedAlone() {
        aloneLeft--;
    }

    /**
     * A team block took {@code nanos}, of which the stepping thread spent {@code ownNanos} stepping {@code ownMembers}
     * of its {@code members} member-steps (0 own members: it stepped none, so nothing is known).
     */
    void steppedTogether(long nanos, long ownNanos, long ownMembers, long members) {
        if (!adaptive || ownMembers == 0) {
            return;
        }
        double alone = (double) ownNanos / ownMembers * members;
        if (nanos <= GAIN * alone) {
            strikes = 0;
        } else if (++strikes >= STRIKES) {
            strikes = 0;
            aloneLeft = ALONE;
        }
    }
}
