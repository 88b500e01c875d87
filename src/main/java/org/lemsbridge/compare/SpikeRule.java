package org.lemsbridge.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * How spikes are found in a membrane-potential trace (values in SI). A model that resets its voltage when it crosses
 * its threshold (integrate-and-fire, Izhikevich) never records a value above the threshold, so its spikes are the
 * samples where the voltage lands on the reset value; a model without a reset (Hodgkin-Huxley) spikes where the
 * voltage crosses the threshold upwards. Without a model, the rule is detected from the trace.
 */
public sealed interface SpikeRule {

    /** The sample indices of the spikes in {@code v}; a spike's time is the time of its sample. */
    default List<Integer> rows(double[] v) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i < v.length; i++) {
            if (spikesAt(v[i - 1], v[i])) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** Whether the sample {@code now} is a spike, {@code before} being the sample before it. */
    boolean spikesAt(double before, double now);

    /** True when this rule finds its spikes at the same samples as {@code other} in every trace. */
    boolean sameSamples(SpikeRule other);

    /** Where spike markers go on the voltage axis (SI). */
    double markerLevel();

    /** Says what the rule is and where it came from, e.g. "upward crossings of -0.02 V (the model's thresh)". */
    String describe(String unit);

    /** OMV's rule: the first sample with {@code v[i-1] <= threshold < v[i]}. */
    record Crossing(double threshold, String origin) implements SpikeRule {
        @Override
        public boolean spikesAt(double before, double now) {
            return before <= threshold && threshold < now;
        }

        @Override
        public boolean sameSamples(SpikeRule other) {
            return other instanceof Crossing c && c.threshold == threshold;
        }

        @Override
        public double markerLevel() {
            return threshold;
        }

        @Override
        public String describe(String unit) {
            return "upward crossings of " + Numbers.withUnit(threshold, unit) + " (" + origin + ")";
        }
    }

    /**
     * A reset model's spikes: the samples where v lands on {@code reset} (within a thousandth of the
     * threshold-to-reset span) after a fall of at least a tenth of that span.
     */
    record Reset(double threshold, double reset, String origin) implements SpikeRule {
        public Reset {
            if (!(threshold > reset)) {
                throw new IllegalArgumentException("a reset rule needs threshold > reset, got " + threshold + " and "
                        + reset);
            }
        }

        @Override
        public boolean spikesAt(double before, double now) {
            double span = threshold - reset;
            return Math.abs(now - reset) <= 1e-3 * span && before - now >= 0.1 * span;
        }

        @Override
        public boolean sameSamples(SpikeRule other) {
            return other instanceof Reset r && r.threshold == threshold && r.reset == reset;
        }

        @Override
        public double markerLevel() {
            return threshold;
        }

        @Override
        public String describe(String unit) {
            return "resets to " + Numbers.withUnit(reset, unit) + " after reaching " + Numbers.withUnit(threshold, unit)
                    + " (" + origin + ")";
        }
    }

    /** Falls by more than {@code minDrop} from one sample to the next (a reset seen in a trace, no model known). */
    record Drop(double minDrop, double level, String origin) implements SpikeRule {
        @Override
        public boolean spikesAt(double before, double now) {
            return before - now > minDrop;
        }

        @Override
        public boolean sameSamples(SpikeRule other) {
            return other instanceof Drop d && d.minDrop == minDrop;
        }

        @Override
        public double markerLevel() {
            return level;
        }

        @Override
        public String describe(String unit) {
            return "falls by more than " + Numbers.withUnit(minDrop, unit) + " in one sample (" + origin + ")";
        }
    }

    /**
     * The rule a voltage trace shows by itself: upward crossings of 0 V when it crosses 0 V; otherwise, when it falls
     * by more than half its range in single samples (resets), those falls; otherwise crossings of 0 V (none).
     */
    static SpikeRule detect(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : v) {
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (rangeDecides(min, max)) {
            return detect(min, max, List.of());
        }
        Drop falls = new Drop(dropOf(min, max), Double.NaN, "");
        List<Double> before = new ArrayList<>();
        for (int i = 1; i < v.length; i++) {
            if (falls.spikesAt(v[i - 1], v[i])) {
                before.add(v[i - 1]);
            }
        }
        return detect(min, max, before);
    }

    /**
     * {@link #detect(double[])} from what it looks at: the smallest and largest finite value, and (unless
     * {@link #rangeDecides}) the value before each fall by more than {@link #dropOf} in trace order.
     */
    static SpikeRule detect(double min, double max, List<Double> before) {
        Crossing zero = new Crossing(0.0, "detected: the trace crosses 0");
        if (rangeDecides(min, max)) {
            return zero;
        }
        if (before.isEmpty()) {
            return new Crossing(0.0, "detected: no crossing of 0 and no reset in the trace");
        }
        double[] levels = before.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Drop(dropOf(min, max), levels[levels.length / 2], "detected: the trace resets");
    }

    /** True when a trace with these finite extremes is flat or crosses 0, so its rule is crossings of 0. */
    static boolean rangeDecides(double min, double max) {
        return !(max > min) || (min <= 0 && max > 0);
    }

    /** The fall that counts as a reset in a trace with these finite extremes: half its range. */
    static double dropOf(double min, double max) {
        return (max - min) / 2;
    }

    /** {@code rule} with its levels converted by {@code toSi} (a linear unit change of the candidate's values). */
    static SpikeRule converted(SpikeRule rule, DoubleUnaryOperator toSi) {
        if (rule instanceof Reset r) {
            return new Reset(toSi.applyAsDouble(r.threshold()), toSi.applyAsDouble(r.reset()), r.origin());
        }
        if (rule instanceof Drop d) {
            return new Drop(Math.abs(toSi.applyAsDouble(d.minDrop()) - toSi.applyAsDouble(0)),
                    toSi.applyAsDouble(d.level()), d.origin());
        }
        Crossing c = (Crossing) rule;
        return new Crossing(toSi.applyAsDouble(c.threshold()), c.origin());
    }
}
