package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeTest {

    private static final double[] TIME = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final SpikeRule ZERO = new SpikeRule.Crossing(0, "test");

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
        SpikeTrain ref = new SpikeTrain(ZERO, List.of(1, 3, 5, 7), List.of(0.1, 0.3, 0.5, 0.7));
        SpikeTrain cand = new SpikeTrain(ZERO, List.of(1, 3, 6, 9, 9), List.of(0.1, 0.3, 0.6, 0.9, 0.95));
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
        SpikeTrain ref = new SpikeTrain(ZERO, List.of(1), List.of(0.1));
        SpikeTrain cand = new SpikeTrain(ZERO, List.of(1, 4), List.of(0.1, 0.4));
        SpikeComparison c = SpikeComparison.of(ref, cand);
        assertEquals(1, c.firstDivergentIndex());
        assertTrue(Double.isNaN(c.firstDivergentRefTime()));
        assertEquals(0.4, c.firstDivergentCandTime());
        assertEquals(0.0, c.largestShift());
        assertTrue(SpikeComparison.of(ref, ref).identical());
    }

    @Test
    void aResetRuleFindsTheSamplesWhereTheVoltageLandsOnTheReset() {
        // threshold -50 mV, reset -70 mV: v never exceeds the threshold in the record, it lands on the reset.
        double[] v = {-0.070, -0.060, -0.0501, -0.070, -0.065, -0.0695, -0.055, -0.070, -0.070, -0.0699};
        SpikeRule rule = new SpikeRule.Reset(-0.050, -0.070, "test");
        // row 5 is within 0.1 mV of the reset but fell only 4.5 mV (< 2 mV = 0.1 x 20 mV? no: 4.5 > 2) -- but it is
        // 0.5 mV from the reset, more than 1e-3 x 20 mV = 0.02 mV, so it is not a reset; row 8 did not fall.
        assertEquals(List.of(3, 7), rule.rows(v));
        assertEquals(List.of(), new SpikeRule.Crossing(0, "test").rows(v));
    }

    @Test
    void integrateAndFireSpikesAreDetectedFromTheResetsWhenNoModelIsKnown() {
        double[] v = sawtooth(1000, 100, -0.070, -0.052);
        SpikeRule rule = SpikeRule.detect(v);
        assertTrue(rule instanceof SpikeRule.Drop, rule.toString());
        assertEquals(List.of(100, 200, 300, 400, 500, 600, 700, 800, 900), rule.rows(v));
        assertTrue(rule.describe("V").startsWith("falls by more than 0.00891 V in one sample"), rule.describe("V"));
    }

    @Test
    void aTraceCrossingZeroKeepsTheZeroVoltCrossing() {
        double[] v = {-0.07, -0.03, 0.02, -0.07, -0.06, 0.01};
        SpikeRule rule = SpikeRule.detect(v);
        assertEquals(new SpikeRule.Crossing(0.0, "detected: the trace crosses 0"), rule);
        assertEquals(List.of(2, 5), rule.rows(v));
    }

    @Test
    void aFailingIntegrateAndFireComparisonReportsItsDifferentSpikeTrains() {
        int n = 2000;
        double[] time = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1e-4;
        }
        double[] reference = sawtooth(n, 200, -0.070, -0.050);
        double[] candidate = sawtooth(n, 250, -0.070, -0.050);
        org.lemsbridge.trace.Trace ref = org.lemsbridge.trace.Trace.of("ref", org.lemsbridge.trace.Column.time(),
                time, List.of(new org.lemsbridge.trace.Column("v", "iafPop[0]/v", "V")), List.of(reference));
        org.lemsbridge.trace.Trace cand = org.lemsbridge.trace.Trace.of("cand", org.lemsbridge.trace.Column.time(),
                time, List.of(new org.lemsbridge.trace.Column("v", "iafPop[0]/v", "V")), List.of(candidate));
        Comparison c = TraceComparator.compare(ref, cand, ComparisonOptions.defaults());
        SpikeComparison spikes = c.columns().get(0).spikes();
        assertEquals(9, spikes.reference().count());
        assertEquals(7, spikes.candidate().count());
        assertEquals(0, spikes.firstDivergentIndex());
        assertEquals(0.02, spikes.firstDivergentRefTime(), 1e-12);
        assertEquals(0.025, spikes.firstDivergentCandTime(), 1e-12);
        assertTrue(String.join("; ", c.verdict().reasons()).contains("reference 9 spikes, candidate 7"),
                c.verdict().reasons().toString());
    }

    @Test
    void aModelRuleInTheCandidatesUnitIsConvertedToSi() {
        // a dimensionless candidate in mV, its model's threshold 30 and reset -65 (mV): compared in volts.
        int n = 400;
        double[] time = new double[n];
        double[] referenceVolts = new double[n];
        double[] candidateMillivolts = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1e-4;
            double mv = i % 100 == 0 && i > 0 ? -65 : -65 + (i % 100) * 0.9;
            candidateMillivolts[i] = mv;
            referenceVolts[i] = mv / 1000;
        }
        org.lemsbridge.trace.Trace ref = org.lemsbridge.trace.Trace.of("ref", org.lemsbridge.trace.Column.time(),
                time, List.of(new org.lemsbridge.trace.Column("v", "pop[0]/v", "V")), List.of(referenceVolts));
        org.lemsbridge.trace.Trace cand = org.lemsbridge.trace.Trace.of("cand", org.lemsbridge.trace.Column.time(),
                time, List.of(new org.lemsbridge.trace.Column("v", "v", "")), List.of(candidateMillivolts));
        ComparisonOptions options = ComparisonOptions.defaults()
                .withColumns(List.of(ColumnRequest.of("pop[0]/v", "v").withUnits(null, "mV")))
                .withSpikeRules(new SpikeRules(java.util.Map.of(),
                        java.util.Map.of("v", new SpikeRule.Reset(30, -65, "the model's thresh"))));
        SpikeComparison spikes = TraceComparator.compare(ref, cand, options).columns().get(0).spikes();
        assertEquals(new SpikeRule.Reset(0.03, -0.065, "the model's thresh"), spikes.reference().rule());
        assertEquals(List.of(100, 200, 300), spikes.reference().rows());
        assertEquals(List.of(100, 200, 300), spikes.candidate().rows());
    }

    @Test
    void onlyMembranePotentialsGetSpikeTrains() {
        Comparison c = TraceComparator.compare(Ex2Traces.allCells(), Ex2Traces.allCells(), ComparisonOptions.defaults());
        for (ColumnComparison column : c.columns()) {
            boolean membrane = column.quantity().endsWith("/v");
            assertEquals(membrane, column.spikes() != null, column.quantity());
        }
        assertTrue(c.column("izpopTonic[0]/v").spikes().reference().count() > 5);
    }

    /** Rises linearly from {@code low} towards {@code high} and resets to {@code low} every {@code period} samples. */
    private static double[] sawtooth(int n, int period, double low, double high) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = low + (high - low) * (i % period) / period;
        }
        return v;
    }
}
