package org.lemsbridge.plot;

/**
 * How values in an SI unit are shown on an axis: multiplied by {@code factor} and labelled {@code label}, with a
 * prefix that keeps tick labels short (0.0123 V as 12.3 mV). Dimensionless values are labelled as such.
 *
 * @param factor multiply SI values by this to display them
 * @param label  the unit printed on the axis ({@code dimensionless} for a pure number, empty when unknown)
 */
public record AxisUnit(double factor, String label) {

    public static final String DIMENSIONLESS = "dimensionless";

    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G"};
    private static final int NO_PREFIX = 5;

    /** The unit to show values up to {@code maxAbs} (SI) in; {@code siUnit} "1" is dimensionless, "" unknown. */
    public static AxisUnit choose(double maxAbs, String siUnit) {
        if (siUnit == null || siUnit.isEmpty()) {
            return new AxisUnit(1.0, "");
        }
        if (siUnit.equals("1") || siUnit.equals("none")) {
            return new AxisUnit(1.0, DIMENSIONLESS);
        }
        if (!prefixable(siUnit) || !(maxAbs > 0) || !Double.isFinite(maxAbs)) {
            return new AxisUnit(1.0, siUnit);
        }
        int exponent = (int) Math.floor(Math.log10(maxAbs) / 3);
        int index = Math.max(0, Math.min(PREFIXES.length - 1, NO_PREFIX + exponent));
        int power = 3 * (index - NO_PREFIX);
        return new AxisUnit(Math.pow(10, -power), PREFIXES[index] + siUnit);
    }

    /** A single-symbol SI unit that takes a prefix (V, A, s, S, m, Hz, mol ...), not a product like {@code A/m2}. */
    private static boolean prefixable(String unit) {
        return unit.matches("[A-Za-zΩ]+") && !unit.equals("kg");
    }

    /** {@code name (unit)}, or the bare name when the unit is unknown. */
    public String title(String name) {
        return label.isEmpty() ? name : name + " (" + label + ")";
    }

    public double display(double si) {
        return si * factor;
    }

    public double[] display(double[] si) {
        double[] out = new double[si.length];
        for (int i = 0; i < si.length; i++) {
            out[i] = si[i] * factor;
        }
        return out;
    }
}
