package org.lemsbridge.units;

/**
 * A physical dimension as seven integer exponents of the SI base quantities: mass, length, time, current,
 * temperature, amount of substance and luminous intensity. Two dimensions match iff all exponents are equal.
 */
public record Dimension(int m, int l, int t, int i, int k, int n, int j) {

    public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0, 0);

    private static final String[] EXPONENT_NAMES = {"m", "l", "t", "i", "k", "n", "j"};

    /**
     * Written out rather than left to the record: the generated equals and hashCode link through method handles on
     * first use, which spins about twenty classes at start-up (measured with {@code -Xlog:class+load}).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Dimension d && m == d.m && l == d.l && t == d.t && i == d.i && k == d.k && n == d.n
                && j == d.j;
    }

    @Override
    public int hashCode() {
        return ((((((m * 31 + l) * 31 + t) * 31 + i) * 31 + k) * 31 + n) * 31) + j;
    }

    public Dimension times(Dimension other) {
        return new Dimension(m + other.m, l + other.l, t + other.t, i + other.i, k + other.k, n + other.n,
                j + other.j);
    }

    public Dimension dividedBy(Dimension other) {
        return new Dimension(m - other.m, l - other.l, t - other.t, i - other.i, k - other.k, n - other.n,
                j - other.j);
    }

    public Dimension pow(int exponent) {
        return new Dimension(m * exponent, l * exponent, t * exponent, i * exponent, k * exponent, n * exponent,
                j * exponent);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** The exponents in the order m, l, t, i, k, n, j. */
    public int[] exponents() {
        return new int[] {m, l, t, i, k, n, j};
    }

    /**
     * Plain words for messages: {@code voltage (m=1 l=2 t=-3 i=-1)} when the standard table names this
     * dimension, else the non-zero exponents ({@code m=1 t=-2}), or {@code dimensionless}.
     */
    public String describe() {
        if (isNone()) {
            return "dimensionless";
        }
        String exponents = exponentText();
        return UnitTable.standard().dimensionName(this)
                .map(name -> name + " (" + exponents + ")")
                .orElse(exponents);
    }

    private String exponentText() {
        int[] values = exponents();
        StringBuilder text = new StringBuilder();
        for (int index = 0; index < values.length; index++) {
            if (values[index] != 0) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(EXPONENT_NAMES[index]).append('=').append(values[index]);
            }
        }
        return text.toString();
    }
}
