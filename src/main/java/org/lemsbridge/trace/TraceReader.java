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
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read: " + e.getMessage(), null,
                    e);
        }
        String source = file.toString();
        if (!explicitColumns.isEmpty()) {
            return named(table, explicitColumns, source, "the given column list");
        }
        Optional<Sidecar> sidecar = Sidecar.find(file);
        if (sidecar.isPresent()) {
            return named(table, sidecar.get().columns(), source, "sidecar " + Sidecar.pathFor(file).getFileName());
        }
        Optional<List<Column>> manifest = ManifestColumns.find(file);
        if (manifest.isPresent()) {
            return named(table, manifest.get(), source, "manifest.json");
        }
        return fromTableAlone(table, source);
    }

    /** Reads a stream (no sidecar lookup); {@code sourceName} is used in messages. */
    public static Trace read(InputStream in, String sourceName, List<Column> explicitColumns) throws IOException {
        RawTable table = parse(in, sourceName, 0);
        if (!explicitColumns.isEmpty()) {
            return named(table, explicitColumns, sourceName, "the given column list");
        }
        return fromTableAlone(table, sourceName);
    }

    /** {@code fileSize}: the stored size, or 0 when unknown; a plain (not gzipped) file's size sizes the columns. */
    private static RawTable parse(InputStream raw, String sourceName, long fileSize) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzipped = first == 0x1f && second == 0x8b;
        InputStream content = gzipped ? new GZIPInputStream(in, 1 << 16) : in;
        return new DelimitedParser(content, sourceName, gzipped ? 0 : fileSize).parse();
    }

    private static Trace fromTableAlone(RawTable table, String source) {
        if (table.header() != null) {
            return named(table, headerColumns(table.header()), source, "the header line");
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i < table.width(); i++) {
            columns.add(Column.positional(i));
        }
        return build(table, Column.time(), columns, source);
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

    private static Trace named(RawTable table, List<Column> names, String source, String origin) {
        int width = table.width();
        if (names.size() == width) {
            return build(table, names.get(0), names.subList(1, width), source);
        }
        if (names.size() == width - 1) {
            return build(table, Column.time(), names, source);
        }
        throw new BadInputException(SourceLocation.unknown(source), origin + " names " + names.size()
                + " columns but the file has " + width + " (time included)");
    }

    private static Trace build(RawTable table, Column time, List<Column> columns, String source) {
        double[][] values = new double[table.width() - 1][];
        System.arraycopy(table.columns(), 1, values, 0, values.length);
        return Trace.adopt(source, time, table.columns()[0], columns, values);
    }
}
