package org.lemsbridge.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes traces in the jLEMS {@code .dat} format: every number as {@code Float.toString((float) x)} followed by a TAB,
 * each row ended by {@code \n}; plus the JSON sidecar naming the columns. Both go through temporary files.
 */
public final class DatWriter {

    private DatWriter() {
    }

    /** Writes the whole trace to {@code destination} and its sidecar beside it. */
    public static void write(Path destination, Trace trace, String source) throws IOException {
        try (StreamingDatWriter writer = open(destination, trace.timeColumn(), trace.columns(), source)) {
            double[] row = new double[trace.columnCount()];
            for (int r = 0; r < trace.rows(); r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = trace.value(c, r);
                }
                writer.writeRow(trace.time(r), row);
            }
            writer.commit();
        }
    }

    /** Opens a row-by-row writer; call {@code commit()} when the last row is written. */
    public static StreamingDatWriter open(Path destination, Column time, List<Column> columns, String source)
            throws IOException {
        return new StreamingDatWriter(destination, time, columns, source);
    }
}
