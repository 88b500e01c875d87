package org.lemsbridge.compare.omv;

import java.util.List;

/**
 * The outcome of one observable of an OMV experiment, judged as OMV judges it.
 *
 * @param experiment    the experiment name
 * @param observable    OMV's name of the observable ({@code spike times}, {@code spike rate})
 * @param expected      expected values (spike times in the OMT's scaled units, or the one rate)
 * @param observed      observed values, in the same units
 * @param tolerance     the relative tolerance applied
 * @param passed        same length and every {@code |obs - exp| <= 1e-8 + tolerance * |exp|}
 * @param bestTolerance OMV's "better tolerance": {@code max |obs - exp| / |exp|}; 0 on a length mismatch, NaN when
 *                      there was nothing to compare
 * @param differing     the values that fail (all unmatched ones on a length mismatch)
 * @param message       one line saying what happened
 */
public record OmvResult(String experiment, String observable, List<Double> expected, List<Double> observed,
                        double tolerance, boolean passed, double bestTolerance, List<SpikeDifference> differing,
                        String message) {

    public OmvResult {
        expected = List.copyOf(expected);
        observed = List.copyOf(observed);
        differing = List.copyOf(differing);
    }
}
