package org.lemsbridge.compare.omv;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.compare.Numbers;

/**
 * OMV's verdict on observed against expected values ({@code compare_arrays} and the analyzer around it): values that
 * cannot be determined fail (as does a zero inside a list, which OMV takes for a missing value), different lengths
 * fail whatever the tolerance, otherwise numpy's {@code allclose(observed, expected, rtol=tolerance)} with its
 * {@code atol} 1e-8 decides, and the better tolerance reported is {@code max |observed - expected| / |expected|}.
 */
public final class OmvComparison {

    /** numpy's default atol, which OMV leaves in place. */
    public static final double OMV_ATOL = 1e-8;

    private OmvComparison() {
    }

    /** Neither side could be read or detected: OMV's "could not determine ... values". */
    public static OmvResult undetermined(String experiment, String observable, String side, double tolerance,
                                         String why) {
        return new OmvResult(experiment, observable, List.of(), List.of(), tolerance, false, Double.NaN, List.of(),
                label(experiment, observable) + ": FAIL: could not determine " + side + " values (" + why + ")");
    }

    /**
     * Compares {@code observed} with {@code expected}; {@code observedList}/{@code expectedList} say a side came to
     * OMV as a Python list (spike times from a MEP or a spike-times file, not detected ones), in which a 0 makes OMV's
     * analyzer give up before comparing.
     */
    public static OmvResult compare(String experiment, String observable, List<Double> observed, List<Double> expected,
                                    double tolerance, boolean observedList, boolean expectedList) {
        if (observedList && observed.contains(0.0)) {
            return undetermined(experiment, observable, "observed", tolerance, "a spike at 0, which OMV reads as"
                    + " missing");
        }
        if (expectedList && expected.contains(0.0)) {
            return undetermined(experiment, observable, "expected", tolerance, "a 0 in the MEP, which OMV reads as"
                    + " missing");
        }
        String label = label(experiment, observable);
        if (observed.size() != expected.size()) {
            List<SpikeDifference> unmatched = new ArrayList<>();
            for (int i = Math.min(observed.size(), expected.size()); i < Math.max(observed.size(), expected.size());
                 i++) {
                unmatched.add(new SpikeDifference(i, i < expected.size() ? expected.get(i) : Double.NaN,
                        i < observed.size() ? observed.get(i) : Double.NaN, Double.NaN));
            }
            return new OmvResult(experiment, observable, expected, observed, tolerance, false, 0.0, unmatched, label
                    + ": FAIL: " + observed.size() + " observed, " + expected.size() + " expected (a length mismatch"
                    + " fails whatever the tolerance)");
        }
        List<SpikeDifference> differing = new ArrayList<>();
        double best = expected.isEmpty() ? Double.NaN : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < expected.size(); i++) {
            double exp = expected.get(i);
            double obs = observed.get(i);
            double relative = Math.abs((obs - exp) / exp);
            best = Double.isNaN(relative) || Double.isNaN(best) ? Double.NaN : Math.max(best, relative);
            if (!(Math.abs(obs - exp) <= OMV_ATOL + tolerance * Math.abs(exp))) {
                differing.add(new SpikeDifference(i, exp, obs, relative));
            }
        }
        boolean passed = differing.isEmpty();
        String count = expectedList ? expected.size() + " values" : "observed " + observed.get(0) + ", expected "
                + expected.get(0) + ",";
        String message;
        if (passed) {
            message = label + ": PASS: " + count + " within tolerance " + Numbers.format(tolerance)
                    + (best < tolerance ? " (an even better tolerance might be: " + best + ")" : "");
        } else {
            SpikeDifference first = differing.get(0);
            message = label + ": FAIL: " + differing.size() + " of " + expected.size() + " outside tolerance "
                    + Numbers.format(tolerance) + ", first #" + (first.index() + 1) + " observed " + first.observed()
                    + " expected " + first.expected() + (best != 0 ? "; a better tolerance to try is: " + best : "");
        }
        return new OmvResult(experiment, observable, expected, observed, tolerance, passed, best, differing, message);
    }

    private static String label(String experiment, String observable) {
        return experiment + " (" + observable + ")";
    }
}
