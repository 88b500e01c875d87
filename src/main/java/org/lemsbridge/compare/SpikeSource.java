package org.lemsbridge.compare;

import java.util.List;

/** One side's voltage column as spike detection sees it: the rule it shows by itself, and where a rule finds spikes. */
interface SpikeSource {

    /** {@link SpikeRule#detect(double[])} of the column. */
    SpikeRule detected();

    /** {@link SpikeRule#rows(double[])} of the column. */
    List<Integer> rows(SpikeRule rule);

    /** A column held in memory. */
    static SpikeSource of(double[] values) {
        return new SpikeSource() {
            @Override
            public SpikeRule detected() {
                return SpikeRule.detect(values);
            }

            @Override
            public List<Integer> rows(SpikeRule rule) {
                return rule.rows(values);
            }
        };
    }
}
