package org.lemsbridge.suite;

/**
 * The verdict a case must reach ({@code exact}, {@code strict} or {@code tolerant}) and optional overrides of that
 * tier's named tolerances; null means the tier's default.
 */
public record ToleranceSpec(String requiredTier, Double rtol, Double atol, Double minCorrelation) {
    public static ToleranceSpec exact() {
        return new ToleranceSpec("exact", null, null, null);
    }
}
