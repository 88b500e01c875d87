package org.lemsbridge.compare.omv;

/**
 * One spike where observation and expectation disagree beyond the tolerance, or that only one side has.
 *
 * @param index         0-based spike index
 * @param expected      the expected time (NaN when only observed)
 * @param observed      the observed time (NaN when only expected)
 * @param relativeError {@code |observed - expected| / |expected|} (NaN when a side is missing)
 */
public record SpikeDifference(int index, double expected, double observed, double relativeError) {
}
