package org.lemsbridge.suite;

import org.lemsbridge.compare.Tier;

/**
 * The verdict a case must reach ({@link Tier#EXACT}, {@link Tier#STRICT} or {@link Tier#TOLERANT}) and optional
 * overrides of that tier's named tolerances; null means the tier's default.
 */
public record ToleranceSpec(Tier required, Double rtol, Double atol, Double minCorrelation) {
    public ToleranceSpec {
        if (required == null || required == Tier.FAIL) {
            throw new IllegalArgumentException("a case requires exact, strict or tolerant, not " + required);
        }
    }

    public static ToleranceSpec exact() {
        return new ToleranceSpec(Tier.EXACT, null, null, null);
    }
}
