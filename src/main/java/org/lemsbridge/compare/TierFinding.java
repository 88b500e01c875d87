package org.lemsbridge.compare;

/**
 * Why a column did not reach a tier: {@code tier} is the tier that was missed ({@link Tier#FAIL} for a problem that
 * fails every tier: NaN, a missing column, units that cannot be aligned, a candidate that does not cover the
 * reference).
 */
public record TierFinding(Tier tier, Kind kind, String message) {

    /** What the finding is about. */
    public enum Kind {
        MISSING_COLUMN, UNITS, COVERAGE, NAN, VALUES, SPIKES, CORRELATION
    }
}
