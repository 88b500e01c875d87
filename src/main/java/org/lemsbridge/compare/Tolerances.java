package org.lemsbridge.compare;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Every tolerance the verdict applies, by name. A sample passes a tier's allclose test when
 * {@code |cand - ref| <= atol + rtol * |ref|} (numpy {@code allclose(cand, ref)}, the reference as the scale).
 *
 * @param exactRelative   {@code exact}: {@code max|Δ| <= exactRelative * max|ref|} (float32 rounding, default 1e-6)
 * @param strictRtol      {@code strict} relative tolerance (default 1e-5)
 * @param strictAtol      {@code strict} absolute tolerance in SI (default 1e-8, numpy's default)
 * @param tolerantRtol    {@code tolerant} relative tolerance (default 0.05)
 * @param tolerantAtol    {@code tolerant} absolute tolerance in SI (default 1e-4)
 * @param minCorrelation  {@code tolerant} also needs Pearson r at least this (default -1: no requirement)
 * @param spikeThreshold  upward-crossing threshold in SI for spike detection, or NaN (the default) for the model's
 *                        threshold where it has one, else a rule detected from the reference trace (see
 *                        {@link SpikeRule}); spike trains are found and decide tiers on membrane-potential columns only
 */
public record Tolerances(double exactRelative, double strictRtol, double strictAtol, double tolerantRtol,
                         double tolerantAtol, double minCorrelation, double spikeThreshold) {

    public static final double DEFAULT_EXACT_RELATIVE = 1e-6;
    public static final double DEFAULT_STRICT_RTOL = 1e-5;
    public static final double DEFAULT_STRICT_ATOL = 1e-8;
    public static final double DEFAULT_TOLERANT_RTOL = 0.05;
    public static final double DEFAULT_TOLERANT_ATOL = 1e-4;
    public static final double NO_MIN_CORRELATION = -1.0;
    /** No fixed threshold: the model's, or one detected from the trace. */
    public static final double AUTOMATIC_SPIKE_THRESHOLD = Double.NaN;

    public Tolerances {
        requireNonNegative("exactRelative", exactRelative);
        requireNonNegative("strictRtol", strictRtol);
        requireNonNegative("strictAtol", strictAtol);
        requireNonNegative("tolerantRtol", tolerantRtol);
        requireNonNegative("tolerantAtol", tolerantAtol);
        if (!(minCorrelation >= -1.0 && minCorrelation <= 1.0)) {
            throw bad("minCorrelation must be in [-1, 1], got " + minCorrelation);
        }
        if (Double.isInfinite(spikeThreshold)) {
            throw bad("spikeThreshold must be finite, got " + spikeThreshold);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw bad(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** Tolerances come from options and suite files: a bad one is the user's to fix. */
    private static BadInputException bad(String message) {
        return new BadInputException(SourceLocation.unknown("tolerances"), message);
    }

    public static Tolerances defaults() {
        return new Tolerances(DEFAULT_EXACT_RELATIVE, DEFAULT_STRICT_RTOL, DEFAULT_STRICT_ATOL, DEFAULT_TOLERANT_RTOL,
                DEFAULT_TOLERANT_ATOL, NO_MIN_CORRELATION, AUTOMATIC_SPIKE_THRESHOLD);
    }

    public Tolerances withTolerant(double rtol, double atol) {
        return new Tolerances(exactRelative, strictRtol, strictAtol, rtol, atol, minCorrelation, spikeThreshold);
    }

    public Tolerances withStrict(double rtol, double atol) {
        return new Tolerances(exactRelative, rtol, atol, tolerantRtol, tolerantAtol, minCorrelation, spikeThreshold);
    }

    public Tolerances withExactRelative(double relative) {
        return new Tolerances(relative, strictRtol, strictAtol, tolerantRtol, tolerantAtol, minCorrelation,
                spikeThreshold);
    }

    public Tolerances withMinCorrelation(double r) {
        return new Tolerances(exactRelative, strictRtol, strictAtol, tolerantRtol, tolerantAtol, r, spikeThreshold);
    }

    public Tolerances withSpikeThreshold(double threshold) {
        return new Tolerances(exactRelative, strictRtol, strictAtol, tolerantRtol, tolerantAtol, minCorrelation,
                threshold);
    }

    /**
     * Overrides the rtol/atol of the tier a caller requires (a CLI {@code --rtol/--atol} or a suite's tolerance);
     * null keeps the default. For {@code exact}, {@code rtol} replaces {@code exactRelative} and atol is ignored.
     */
    public Tolerances overriding(Tier tier, Double rtol, Double atol) {
        return switch (tier) {
            case EXACT -> rtol == null ? this : withExactRelative(rtol);
            case STRICT -> withStrict(rtol == null ? strictRtol : rtol, atol == null ? strictAtol : atol);
            case TOLERANT, FAIL -> withTolerant(rtol == null ? tolerantRtol : rtol, atol == null ? tolerantAtol : atol);
        };
    }

    public double rtol(Tier tier) {
        return tier == Tier.STRICT ? strictRtol : tolerantRtol;
    }

    public double atol(Tier tier) {
        return tier == Tier.STRICT ? strictAtol : tolerantAtol;
    }

    /** One line naming the values, for reports. */
    public String describe() {
        return "exact: max|Δ| <= " + Numbers.format(exactRelative) + "·max|ref| and identical spike steps; strict: rtol "
                + Numbers.format(strictRtol) + ", atol " + Numbers.format(strictAtol) + "; tolerant: rtol "
                + Numbers.format(tolerantRtol) + ", atol " + Numbers.format(tolerantAtol)
                + (minCorrelation > NO_MIN_CORRELATION ? ", min r " + Numbers.format(minCorrelation) : "")
                + "; spike threshold " + (Double.isNaN(spikeThreshold) ? "the model's, else detected"
                : Numbers.format(spikeThreshold)) + " (spike trains gate membrane-potential columns only)";
    }
}
