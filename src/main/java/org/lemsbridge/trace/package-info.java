/**
 * Traces: a time column plus named, unit-tagged value columns ({@link org.lemsbridge.trace.Trace},
 * {@link org.lemsbridge.trace.Column}).
 *
 * <p>{@link org.lemsbridge.trace.TraceReader} streams jLEMS {@code .dat} (TAB after every field), pyLEMS/numpy
 * {@code .dat} (blanks), CSV with a header, and gzip of any of them; names come from the caller, the JSON
 * {@link org.lemsbridge.trace.Sidecar}, a reference-data {@code manifest.json} or the header, else positions
 * ({@code #1}). {@link org.lemsbridge.trace.DatWriter} writes the jLEMS format byte for byte
 * ({@code Float.toString((float) x)} + TAB, {@code \n} per row) and the sidecar, through temporary files;
 * {@link org.lemsbridge.trace.StreamingDatWriter} does the same row by row for the simulator.
 */
package org.lemsbridge.trace;
