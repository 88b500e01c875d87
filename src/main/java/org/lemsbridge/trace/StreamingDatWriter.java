package org.lemsbridge.trace;

import org.lemsbridge.files.AtomicFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a jLEMS {@code .dat} row by row into a temporary file; {@link #commit()} moves it into place and writes the
 * sidecar. Closing without committing deletes the temporary file, so a failed run leaves no partial output.
 * A destination ending in {@code .gz} is gzip-compressed. Not thread-safe.
 */
public final class StreamingDatWriter implements AutoCloseable {

    private final Path destination;
    private final Path temporary;
    private final Writer out;
    private final List<Column> allColumns;
    private final String source;
    private long rows;
    private boolean finished;

    StreamingDatWriter(Path destination, Column time, List<Column> columns, String source) throws IOException {
        this.destination = destination;
        this.source = source == null ? "" : source;
        List<Column> all = new ArrayList<>();
        all.add(time);
        all.addAll(columns);
        this.allColumns = List.copyOf(all);
        this.temporary = AtomicFiles.temporaryFor(destination);
        OutputStream stream = Files.newOutputStream(temporary);
        if (destination.getFileName().toString().endsWith(".gz")) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.US_ASCII), 1 << 16);
    }

    /** Appends one row: {@code values.length} must equal the number of value columns. */
    public void writeRow(double time, double... values) throws IOException {
        if (finished) {
            throw new IllegalStateException("writer already committed or closed");
        }
        if (values.length != allColumns.size() - 1) {
            throw new IllegalArgumentException(values.length + " values for " + (allColumns.size() - 1) + " columns");
        }
        writeField(time);
        for (double value : values) {
            writeField(value);
        }
        out.write('\n');
        rows++;
    }

    private void writeField(double value) throws IOException {
        out.write(Float.toString((float) value));
        out.write('\t');
    }

    public long rowsWritten() {
        return rows;
    }

    /** Finishes the file, moves it into place, then writes {@code NAME.dat.json} the same way. */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException("writer already committed or closed");
        }
        finished = true;
        try {
            out.close();
            AtomicFiles.moveIntoPlace(temporary, destination);
            AtomicFiles.writeString(Sidecar.pathFor(destination), new Sidecar(allColumns, source, rows).toJson());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Discards the output unless {@link #commit()} was called. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            try {
                out.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
