package org.lemsbridge.compare.omv;

import java.util.List;

/**
 * The outcome of one OMV spike-times observable, judged as OMV does.
 *
 * @param experiment    the experiment name
 * @param expected      expected spike times (scaled units, e.g. ms)
 * @param observed      detected spike times (same units)
 * @param tolerance     the relative tolerance applied
 * @param passed        same length and every {@code |obs - exp| <= 1e-8 + tolerance * |exp|}
 * @param bestTolerance OMV's "better tolerance to try": {@code max |obs - exp| / |exp|}; 0 on a length mismatch
 * @param differing     the spikes that fail (all unmatched spikes on a length mismatch)
 * @param message       one line saying what happened
 */
public record OmvResult(String experiment, List<Double> expected, List<Double> observed, double tolerance,
                        boolean passed, double bestTolerance, List<SpikeDifference> differing, String message) {

    public OmvResult {
        expected = List.copyOf(expected);
        observed = List.copyOf(observed);
        differing = List.copyOf(differing);
    }
}
