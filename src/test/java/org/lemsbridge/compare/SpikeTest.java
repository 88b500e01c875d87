package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeTest {

    private static final double[] TIME = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

    @Test
    void detectsTheFirstSampleAboveAnUpwardCrossingLikeOmv() {
        // v[i-1] <= θ < v[i]: touching θ from below counts at the next sample above; reaching θ exactly does not.
        double[] v = {-1, 0, 1, 0.5, -1, 0, 0, -2, 3, 4};
        SpikeTrain train = SpikeTrain.detect(TIME, v, 0.0);
        assertEquals(List.of(2, 8), train.rows());
        assertEquals(List.of(0.2, 0.8), train.times());
        assertEquals(List.of(8), SpikeTrain.detect(TIME, v, 2.0).rows());
    }

    @Test
    void firstDivergentSpikeAndLargestShift() {
        SpikeTrain ref = new SpikeTrain(0, List.of(1, 3, 5, 7), List.of(0.1, 0.3, 0.5, 0.7));
        SpikeTrain cand = new SpikeTrain(0, List.of(1, 3, 6, 9, 9), List.of(0.1, 0.3, 0.6, 0.9, 0.95));
        SpikeComparison c = SpikeComparison.of(ref, cand);
        assertEquals(1, c.countDifference());
        assertEquals(2, c.firstDivergentIndex());
        assertEquals(0.5, c.firstDivergentRefTime());
        assertEquals(0.6, c.firstDivergentCandTime());
        assertEquals(0.2, c.largestShift(), 1e-15);
        assertEquals(3, c.largestShiftIndex());
        assertFalse(c.identical());
    }

    @Test
    void anExtraSpikeAtTheEndIsTheFirstDivergence() {
        SpikeTrain ref = new SpikeTrain(0, List.of(1), List.of(0.1));
        SpikeTrain cand = new SpikeTrain(0, List.of(1, 4), List.of(0.1, 0.4));
        SpikeComparison c = SpikeComparison.of(ref, cand);
        assertEquals(1, c.firstDivergentIndex());
        assertTrue(Double.isNaN(c.firstDivergentRefTime()));
        assertEquals(0.4, c.firstDivergentCandTime());
        assertEquals(0.0, c.largestShift());
        assertTrue(SpikeComparison.of(ref, ref).identical());
    }
}
