package org.lemsbridge.trace;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;

/**
 * Reads trace files: jLEMS {@code .dat} (TAB after every field), pyLEMS/numpy {@code .dat} (blanks), CSV with a header
 * line, and gzip of any of them (recognised by its magic bytes, whatever the file is called).
 *
 * <p>Column names come from, in order: the caller's list, the sidecar {@code FILE.dat.json}, a reference-data
 * {@code manifest.json} in the same folder, the CSV header; otherwise columns are positional ({@code #1, #2, ...}).
 */
public final class TraceReader {

    private static final Pattern HEADER_UNIT = Pattern.compile("^(.*?)\\s*[\\[(]\\s*([^\\])]*)\\s*[\\])]$");

    private TraceReader() {
    }

    /** Reads {@code file}, naming its columns from a sidecar, a manifest or a header when there is one. */
    public static Trace read(Path file) {
        return read(file, List.of());
    }

    /**
     * Reads {@code file} with the caller's column list (time first, or without time in which case time is {@code t/s});
     * an empty list means: look for names beside the file.
     */
    public static Trace read(Path file, List<Column> explicitColumns) {
        RawTable table;
        try (InputStream in = Files.newInputStream(file)) {
            table = parse(in, file.toString(), Files.size(file));
        } catch (NoSuchFileException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "no such file");
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
        return build(table, layout(file, file.toString(), table.header(), table.width(), explicitColumns));
    }

    /** Reads a stream (no sidecar lookup); {@code sourceName} is used in messages. */
    public static Trace read(InputStream in, String sourceName, List<Column> explicitColumns) throws IOException {
        RawTable table = parse(in, sourceName, 0);
        return build(table, layout(null, sourceName, table.header(), table.width(), explicitColumns));
    }

    /**
     * Opens {@code file} to be read row by row, its columns named as {@link #read(Path, List)} names them. A file
     * that holds no data row, or whose names do not fit, is refused here; a bad row when it is reached.
     */
    public static TraceRows openRows(Path file, List<Column> explicitColumns) {
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "no such file");
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
        try {
            DelimitedParser parser = new DelimitedParser(content(raw), file.toString(), 0);
            double[] first = parser.start();
            TraceLayout layout = layout(file, file.toString(), parser.header(), parser.width(), explicitColumns);
            return new TraceRows(layout, parser, first, raw);
        } catch (IOException e) {
            closeQuietly(raw);
            throw IoFailure.cannotRead(file, e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    /** The names {@link #openRows} gives the columns of {@code file} (it reads the file's first rows only). */
    public static TraceLayout layout(Path file, List<Column> explicitColumns) {
        try (TraceRows rows = openRows(file, explicitColumns)) {
            return rows.layout();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read already failed; that is what is reported
        }
    }

    /** {@code fileSize}: the stored size, or 0 when unknown; a plain (not gzipped) file's size sizes the columns. */
    private static RawTable parse(InputStream raw, String sourceName, long fileSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        boolean gzipped = isGzip(in);
        InputStream content = gzipped ? new GZIPInputStream(in, 1 << 16) : in;
        return new DelimitedParser(content, sourceName, gzipped ? 0 : fileSize).parse();
    }

    /** The text of a file or stream, unzipped when it starts with gzip's magic bytes. */
    private static InputStream content(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        return isGzip(in) ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    /**
     * The names of a table's columns: the caller's list, else (for a file) its sidecar or manifest, else its header,
     * else positions.
     */
    private static TraceLayout layout(Path file, String source, List<String> header, int width,
                                      List<Column> explicitColumns) {
        if (!explicitColumns.isEmpty()) {
            return named(width, explicitColumns, source, "the given column list");
        }
        if (file != null) {
            Optional<Sidecar> sidecar = Sidecar.find(file);
            if (sidecar.isPresent()) {
                return named(width, sidecar.get().columns(), source, "sidecar " + Sidecar.pathFor(file).getFileName());
            }
            Optional<List<Column>> manifest = ManifestColumns.find(file);
            if (manifest.isPresent()) {
                return named(width, manifest.get(), source, "manifest.json");
            }
        }
        if (header != null) {
            return named(width, headerColumns(header), source, "the header line");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i < width; i++) {
            columns.add(Column.positional(i));
        }
        return new TraceLayout(source, Column.time(), columns);
    }

    private static List<Column> headerColumns(List<String> header) {
        List<Column> columns = new ArrayList<>();
        for (String field : header) {
            Matcher m = HEADER_UNIT.matcher(field);
            if (m.matches() && !m.group(1).isEmpty()) {
                columns.add(new Column(m.group(1), m.group(1), m.group(2).trim()));
            } else {
                columns.add(new Column(field, field, ""));
            }
        }
        if (!columns.isEmpty() && !columns.get(0).hasUnit() && isTimeName(columns.get(0).name())) {
            Column t = columns.get(0);
            columns.set(0, new Column(t.name(), t.quantity(), "s"));
        }
        return columns;
    }

    private static boolean isTimeName(String name) {
        return name.equals("t") || name.equalsIgnoreCase("time");
    }

    private static TraceLayout named(int width, List<Column> names, String source, String origin) {
        if (names.size() == width) {
            return new TraceLayout(source, names.get(0), names.subList(1, width));
        }
        if (names.size() == width - 1) {
            return new TraceLayout(source, Column.time(), names);
        }
        throw new BadInputException(SourceLocation.unknown(source), origin + " names " + names.size()
                + " columns but the file has " + width + " (time included)");
    }

    private static Trace build(RawTable table, TraceLayout layout) {
        double[][] values = new double[table.width() - 1][];
        System.arraycopy(table.columns(), 1, values, 0, values.length);
        return Trace.adopt(layout.source(), layout.timeColumn(), table.columns()[0], layout.columns(), values);
    }
}
