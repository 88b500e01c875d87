package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The spikes of one voltage trace, found by a {@link SpikeRule}, at the times of their samples (no interpolation:
 * times are quantised to the output step, as OMV does it).
 *
 * @param rule  how they were found
 * @param rows  the sample index of each spike
 * @param times the time of each spike
 */
public record SpikeTrain(SpikeRule rule, List<Integer> rows, List<Double> times) {

    public SpikeTrain {
        rows = List.copyOf(rows);
        times = List.copyOf(times);
    }

    public static SpikeTrain detect(double[] time, double[] values, SpikeRule rule) {
        return of(time, rule, rule.rows(values));
    }

    /** The spikes {@code rule} found at {@code rows}, at their times in {@code time}. */
    static SpikeTrain of(double[] time, SpikeRule rule, List<Integer> rows) {
        List<Double> times = new ArrayList<>(rows.size());
        for (int row : rows) {
            times.add(time[row]);
        }
        return new SpikeTrain(rule, rows, times);
    }

    /** OMV's rule: the first sample with {@code v[i-1] <= threshold < v[i]}. */
    public static SpikeTrain detect(double[] time, double[] values, double threshold) {
        return detect(time, values, new SpikeRule.Crossing(threshold, "given"));
    }

    /** The spikes from {@code from} to {@code to} (both included, to within two float32 ulps). */
    public SpikeTrain within(double from, double to) {
        List<Integer> keptRows = new ArrayList<>();
        List<Double> keptTimes = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            double t = times.get(i);
            if ((t >= from || TimeAlignment.sameTime(t, from)) && (t <= to || TimeAlignment.sameTime(t, to))) {
                keptRows.add(rows.get(i));
                keptTimes.add(t);
            }
        }
        return new SpikeTrain(rule, keptRows, keptTimes);
    }

    public int count() {
        return times.size();
    }
}
