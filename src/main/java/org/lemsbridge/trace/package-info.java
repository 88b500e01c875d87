/**
 * Traces: a time column plus named, unit-tagged value columns ({@link org.lemsbridge.trace.Trace},
 * {@link org.lemsbridge.trace.Column}).
 *
 * <p>{@link org.lemsbridge.trace.TraceReader} streams jLEMS {@code .dat} (TAB after every field), pyLEMS/numpy
 * {@code .dat} (blanks), CSV with a header, and gzip of any of them; names come from the caller, the JSON
 * {@link org.lemsbridge.trace.Sidecar}, a reference-data {@code manifest.json} or the header, else positions
 * ({@code #1}). Writing {@code .dat} files and their sidecars is the simulator's job
 * ({@code org.lemsbridge.sim}).
 */
package org.lemsbridge.trace;
