package org.lemsbridge.sim;

import org.lemsbridge.files.AtomicFiles;
import org.lemsbridge.files.JsonText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams one OutputFile in jLEMS's format (time then each column, every value as {@code Float.toString((float) x)}
 * followed by a TAB, lines ending in {@code \n}) to a temporary file, moved into place with its JSON sidecar when
 * complete.
 */
final class DatWriter implements AutoCloseable {

    /** One column: where its value lives and how the sidecar describes it. */
    record Column(String name, String quantity, String unit, Ref source) {
    }

    private final String id;
    private final Path target;
    private final Path temporary;
    private final List<Column> columns;
    private Ref[] sources;
    private final String modelSource;
    private final OutputStream out;
    private final StringBuilder row = new StringBuilder(256);
    /** Rows as ASCII bytes (the format only has digits, signs, '.', 'E', NaN and Infinity), written in blocks. */
    private byte[] pending = new byte[1 << 16];
    private int used;
    private long rows;

    DatWriter(String id, Path target, List<Column> columns, String modelSource) {
        this.id = id;
        this.target = target;
        this.columns = List.copyOf(columns);
        this.sources = columns.stream().map(Column::source).toArray(Ref[]::new);
        this.modelSource = modelSource;
        try {
            Path folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            this.temporary = AtomicFiles.temporaryFor(target);
            this.out = Files.newOutputStream(temporary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Reads each column from wherever its value now lives (see BytecodeKernel batches). */
    void redirect(java.util.function.UnaryOperator<Ref> redirect) {
        for (int i = 0; i < sources.length; i++) {
            sources[i] = redirect.apply(sources[i]);
        }
    }

    /** StringBuilder.append(float) writes exactly the characters of Float.toString, without a String per value. */
    void writeRow(double t) {
        row.setLength(0);
        row.append((float) t).append('\t');
        for (Ref source : sources) {
            row.append((float) source.array()[source.index()]).append('\t');
        }
        row.append('\n');
        int length = row.length();
        if (used + length > pending.length) {
            flushPending();
            if (length > pending.length) {
                pending = new byte[2 * length];
            }
        }
        for (int i = 0; i < length; i++) {
            pending[used + i] = (byte) row.charAt(i);
        }
        used += length;
        rows++;
    }

    private void flushPending() {
        try {
            out.write(pending, 0, used);
            used = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    SimulationResult.WrittenFile finish() {
        flushPending();
        try {
            out.close();
            AtomicFiles.moveIntoPlace(temporary, target);
            Path sidecar = target.resolveSibling(target.getFileName() + ".json");
            AtomicFiles.writeString(sidecar, sidecarJson());
            return new SimulationResult.WrittenFile(id, target, sidecar, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + target, e);
        }
    }

    private String sidecarJson() {
        StringBuilder json = new StringBuilder("{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"}");
        for (Column column : columns) {
            json.append(",{\"name\":").append(JsonText.quote(column.name())).append(",\"quantity\":")
                    .append(JsonText.quote(column.quantity())).append(",\"unit\":").append(JsonText.quote(column.unit()))
                    .append('}');
        }
        json.append("],\"source\":").append(JsonText.quote(modelSource)).append(",\"rows\":").append(rows).append("}\n");
        return json.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // cleaning up after a failed run
        }
    }
}
