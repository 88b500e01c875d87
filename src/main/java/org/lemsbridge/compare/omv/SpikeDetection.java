package org.lemsbridge.compare.omv;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.compare.SpikeRule;

/**
 * OMV's {@code detect_spikes} on a scaled trace: {@code threshold} is the first sample of each upward crossing,
 * {@code v[i-1] <= threshold < v[i]}; {@code derivative} is each local maximum, {@code v[i] - v[i-1] >= 0 > v[i+1] - v[i]}
 * (OMV: "only for noiseless cases"). No interpolation: a spike's time is its sample's time.
 */
public record SpikeDetection(Method method, double threshold) {

    /** The detection methods OMV implements. */
    public enum Method {
        THRESHOLD("threshold"), DERIVATIVE("derivative");

        private final String omvName;

        Method(String omvName) {
            this.omvName = omvName;
        }

        public String omvName() {
            return omvName;
        }
    }

    /** The rows at which spikes are detected, ascending. */
    public List<Integer> rows(double[] v) {
        if (method == Method.THRESHOLD) {
            return new SpikeRule.Crossing(threshold, "OMV's threshold").rows(v);
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i + 1 < v.length; i++) {
            if (v[i] - v[i - 1] >= 0 && v[i + 1] - v[i] < 0) {
                rows.add(i);
            }
        }
        return rows;
    }
}
