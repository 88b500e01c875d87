package org.lemsbridge.compare.report;

/**
 * A display prefix for an SI axis so tick labels stay short: V shown as mV when the values are below 1.
 *
 * @param factor multiply SI values by this to display them
 * @param label  the unit to print on the axis
 */
record PlotScale(double factor, String label) {

    static PlotScale choose(double maxAbs, String siUnit) {
        if (siUnit == null || siUnit.isEmpty() || siUnit.equals("1")) {
            return new PlotScale(1.0, "");
        }
        if (siUnit.equals("s") || siUnit.equals("V") || siUnit.equals("A") || siUnit.equals("S")) {
            if (maxAbs > 0 && maxAbs < 1e-6) {
                return new PlotScale(1e9, "n" + siUnit);
            }
            if (maxAbs > 0 && maxAbs < 1e-3) {
                return new PlotScale(1e6, "u" + siUnit);
            }
            if (maxAbs > 0 && maxAbs < 1) {
                return new PlotScale(1e3, "m" + siUnit);
            }
        }
        return new PlotScale(1.0, siUnit);
    }

    String axisTitle(String name) {
        return label.isEmpty() ? name : name + " (" + label + ")";
    }
}
