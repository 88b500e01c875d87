package org.lemsbridge.compare;

/**
 * Reference and candidate spike trains side by side.
 *
 * @param reference              the reference's spikes
 * @param candidate              the candidate's spikes
 * @param countDifference        {@code candidate.count() - reference.count()}
 * @param firstDivergentIndex    the first spike index whose times differ (as float32) or that only one side has;
 *                               -1 when the trains are identical
 * @param firstDivergentRefTime  the reference time of that spike (NaN when only the candidate has it)
 * @param firstDivergentCandTime the candidate time of that spike (NaN when only the reference has it)
 * @param largestShift           largest {@code |t_cand - t_ref|} over spikes both sides have (0 when none)
 * @param largestShiftIndex      the spike index of that shift, -1 when none
 */
public record SpikeComparison(SpikeTrain reference, SpikeTrain candidate, int countDifference, int firstDivergentIndex,
                              double firstDivergentRefTime, double firstDivergentCandTime, double largestShift,
                              int largestShiftIndex) {

    public static SpikeComparison of(SpikeTrain reference, SpikeTrain candidate) {
        int common = Math.min(reference.count(), candidate.count());
        int divergent = -1;
        double largest = 0;
        int largestIndex = -1;
        for (int i = 0; i < common; i++) {
            double tr = reference.times().get(i);
            double tc = candidate.times().get(i);
            if (divergent < 0 && (float) tr != (float) tc) {
                divergent = i;
            }
            double shift = Math.abs(tc - tr);
            if (shift > largest || largestIndex < 0) {
                largest = shift;
                largestIndex = i;
            }
        }
        if (divergent < 0 && reference.count() != candidate.count()) {
            divergent = common;
        }
        double refTime = divergent >= 0 && divergent < reference.count() ? reference.times().get(divergent) : Double.NaN;
        double candTime = divergent >= 0 && divergent < candidate.count() ? candidate.times().get(divergent) : Double.NaN;
        return new SpikeComparison(reference, candidate, candidate.count() - reference.count(), divergent, refTime,
                candTime, largest, largestIndex);
    }

    /** Same number of spikes at the same float32 times. */
    public boolean identical() {
        return firstDivergentIndex < 0;
    }

    public boolean sameCount() {
        return countDifference == 0;
    }
}
