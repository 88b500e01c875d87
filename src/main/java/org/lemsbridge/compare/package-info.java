/**
 * Comparing a candidate trace with a reference: {@link org.lemsbridge.compare.TraceComparator#compare}.
 *
 * <p>Columns are paired by name ({@link org.lemsbridge.compare.ColumnMatcher}: exact quantity path, else a unique
 * short name, else an explicit {@link org.lemsbridge.compare.ColumnRequest} {@code REF=CAND}; positions {@code #k}
 * with a warning). Both sides are converted to SI with their own units, the candidate is interpolated linearly onto
 * the reference grid when the grids differ ({@link org.lemsbridge.compare.TimeAlignment} says which), and each column
 * gets {@link org.lemsbridge.compare.Metrics}, OMV-style {@link org.lemsbridge.compare.SpikeTrain}s and a
 * {@link org.lemsbridge.compare.Tier} under named {@link org.lemsbridge.compare.Tolerances}. The
 * {@link org.lemsbridge.compare.Verdict} names the tolerances applied and, on failure, why and what would pass.
 * NaN, a missing column or units that cannot be aligned always fail. Renderers live in {@code compare.report},
 * OMV {@code .omt}/{@code .mep} checks in {@code compare.omv}.
 */
package org.lemsbridge.compare;
