package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * Spike times found as OMV finds them: the first sample with {@code v[i-1] <= θ < v[i]}, at {@code time[i]},
 * with no interpolation (times are quantised to the output step).
 *
 * @param threshold the threshold θ
 * @param rows      the sample index of each spike
 * @param times     the time of each spike
 */
public record SpikeTrain(double threshold, List<Integer> rows, List<Double> times) {

    public SpikeTrain {
        rows = List.copyOf(rows);
        times = List.copyOf(times);
    }

    public static SpikeTrain detect(double[] time, double[] values, double threshold) {
        List<Integer> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        for (int i = 1; i < values.length; i++) {
            if (values[i - 1] <= threshold && threshold < values[i]) {
                rows.add(i);
                times.add(time[i]);
            }
        }
        return new SpikeTrain(threshold, rows, times);
    }

    public int count() {
        return times.size();
    }
}
