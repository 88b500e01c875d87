package org.lemsbridge.compare.omv;



/**
 * A {@code spike times} observable of an OMT experiment read from a trace file.
 *
 * @param experiment      the experiment name (matches the MEP)
 * @param dataFile        the {@code file: path} as written (relative to the OMT file)
 * @param timeColumn      index of the time column in the file (OMV {@code columns[0]})
 * @param valueColumn     index of the value column (OMV {@code columns[1]})
 * @param timeScaling     factor applied to time (1000: s to ms)
 * @param valueScaling    factor applied to values (1000: V to mV)
 * @param method          spike detection method ({@code threshold})
 * @param threshold       threshold in scaled units
 * @param tolerance       relative tolerance; null means OMV's default 0.1
 */
public record OmtObservable(String experiment, String dataFile, int timeColumn, int valueColumn, double timeScaling,
                            double valueScaling, String method, double threshold, Double tolerance) {

    public static final double DEFAULT_TOLERANCE = 0.1;

    public double effectiveTolerance() {
        return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
    }

}
