package org.lemsbridge.compare;

import java.util.Locale;

/**
 * Verdict tiers, best first (after Brian2's feature tests): a trace that is {@code exact} is also strict and
 * tolerant.
 */
public enum Tier {
    /** Equal up to float32 rounding, identical spike steps. */
    EXACT,
    /** numpy-allclose with a tight rtol and atol. */
    STRICT,
    /** numpy-allclose with a loose rtol and atol (and an optional minimum correlation). */
    TOLERANT,
    /** None of the above, or NaN, or a missing column, or units that cannot be aligned. */
    FAIL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this tier is at least as good as {@code required}. */
    public boolean satisfies(Tier required) {
        return this != FAIL && ordinal() <= required.ordinal();
    }

    public static Tier parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tier '" + text + "' (expected exact, strict or tolerant)", e);
        }
    }

    /** The worse of two tiers. */
    public Tier worse(Tier other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
