/**
 * Traces: a time column plus named, unit-tagged value columns ({@link org.lemsbridge.trace.Trace},
 * {@link org.lemsbridge.trace.Column}).
 *
 * <p>{@link org.lemsbridge.trace.TraceReader} streams jLEMS {@code .dat} (TAB after every field), pyLEMS/numpy
 * {@code .dat} (blanks), CSV with a header, and gzip of any of them; names come from the caller, the JSON
 * {@link org.lemsbridge.trace.Sidecar}, a reference-data {@code manifest.json} or the header, else positions
 * ({@code #1}). {@link org.lemsbridge.trace.DatWriter} writes jLEMS's {@code .dat} format with its sidecar (the
 * simulator feeds it each step's values), {@link org.lemsbridge.trace.EventFileWriter} the event files that
 * {@link org.lemsbridge.trace.EventFile} reads.
 */
package org.lemsbridge.trace;
