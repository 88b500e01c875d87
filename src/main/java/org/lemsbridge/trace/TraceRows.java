package org.lemsbridge.trace;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.lemsbridge.error.IoFailure;

/**
 * A trace file read one row at a time (time first, then the columns of {@link #layout()}), for comparing traces
 * larger than memory. Opened by {@link TraceReader#openRows}; a row that is not a trace row is refused as
 * {@link TraceReader#read} refuses it.
 */
public final class TraceRows implements Closeable {

    private final TraceLayout layout;
    private final DelimitedParser parser;
    private final InputStream stream;
    private double[] pending;

    TraceRows(TraceLayout layout, DelimitedParser parser, double[] first, InputStream stream) {
        this.layout = layout;
        this.parser = parser;
        this.pending = first;
        this.stream = stream;
    }

    public TraceLayout layout() {
        return layout;
    }

    /** Values per row, time included. */
    public int width() {
        return parser.width();
    }

    /** Reads the next row into {@code row} ({@link #width()} values, time first); false at the end of the file. */
    public boolean next(double[] row) {
        return next(row, 0);
    }

    /** Reads the next row into {@code values} from {@code offset} on; false at the end of the file. */
    public boolean next(double[] values, int offset) {
        if (pending != null) {
            System.arraycopy(pending, 0, values, offset, pending.length);
            pending = null;
            return true;
        }
        try {
            return parser.next(values, offset);
        } catch (IOException e) {
            throw IoFailure.cannotRead(layout.source(), e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw IoFailure.cannotRead(layout.source(), e);
        }
    }
}
