package org.lemsbridge.compare;

/**
 * What is measured on a column's compared rows before it is graded.
 *
 * @param metrics            the error metrics
 * @param strict             the strict allclose test
 * @param tolerant           the tolerant allclose test
 * @param firstNanReference  the reference value at the first row with NaN or infinity on either side (NaN if none)
 * @param firstNanCandidate  the candidate value at that row
 */
record ColumnMeasures(Metrics metrics, AllcloseCheck strict, AllcloseCheck tolerant, double firstNanReference,
                      double firstNanCandidate) {
}
