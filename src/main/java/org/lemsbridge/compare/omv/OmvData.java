package org.lemsbridge.compare.omv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
import org.lemsbridge.error.SourceLocation;

/**
 * Data files read as OMV reads them with numpy's {@code loadtxt}: whitespace-separated numbers, {@code #} starting a
 * comment, blank lines skipped, {@code skiprows} counting every line; values parsed to doubles as Python's
 * {@code float} parses them (so a float32 text like {@code 2.44} is the double nearest 2.44, scaled in double).
 * A {@code .gz} beside a missing file is read instead.
 */
final class OmvData {
    private static final int MAX_ROWS = 50_000_000;
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private OmvData() {
    }

    /** Columns {@code time} and {@code value} of {@code file}, each multiplied by its scaling. */
    static double[][] trace(Path file, DataSource.Trace source) {
        List<double[]> rows = rows(file, source.header());
        double[] time = new double[rows.size()];
        double[] value = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            time[i] = field(rows.get(i), source.timeColumn(), file, i) * source.timeScaling();
            value[i] = field(rows.get(i), source.valueColumn(), file, i) * source.valueScaling();
        }
        return new double[][] {time, value};
    }

    /** The spike times of each kept cell, by cell id in the order the cells first appear. */
    static Map<Double, List<Double>> spikes(Path file, DataSource.SpikeTimesFile source) {
        int skip = source.format() == DataSource.SpikeTimesFile.Format.ID_TIME_NEST_DAT ? 3 : 0;
        Map<Double, List<Double>> cells = new LinkedHashMap<>();
        List<double[]> rows = rows(file, skip);
        for (int i = 0; i < rows.size(); i++) {
            boolean timeFirst = source.format() == DataSource.SpikeTimesFile.Format.TIME_ID;
            double id = field(rows.get(i), timeFirst ? 1 : 0, file, i);
            double time = field(rows.get(i), timeFirst ? 0 : 1, file, i) * source.scaling();
            if (source.keeps(id)) {
                cells.computeIfAbsent(id, key -> new ArrayList<>()).add(time);
            }
        }
        return cells;
    }

    private static double field(double[] row, int column, Path file, int index) {
        if (column < 0 || column >= row.length) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "row " + (index + 1) + " has no column "
                    + column + " (" + row.length + " columns, counted from 0)");
        }
        return row[column];
    }

    private static List<double[]> rows(Path file, int skipRows) {
        Path actual = existing(file);
        try (InputStream raw = Files.newInputStream(actual);
             InputStream in = actual.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<double[]> rows = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (number <= skipRows) {
                    continue;
                }
                int comment = line.indexOf('#');
                String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new BadInputException(SourceLocation.of(actual, number, 1), "more than " + MAX_ROWS + " rows");
                }
                String[] fields = text.split("\\s+");
                double[] row = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    row[i] = pythonFloat(fields[i], actual, number);
                }
                rows.add(row);
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "the data file was not written");
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
    }

    private static double pythonFloat(String text, Path file, int line) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String sign = lower.startsWith("-") ? "-" : "";
        String bare = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (bare.equals("nan")) {
            return Double.NaN;
        }
        if (bare.equals("inf") || bare.equals("infinity")) {
            return sign.isEmpty() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        throw new BadInputException(SourceLocation.of(file, line, 1), "not a number: '"
                + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "'");
    }

    private static Path existing(Path path) {
        if (!Files.exists(path)) {
            Path gz = path.resolveSibling(path.getFileName() + ".gz");
            if (Files.exists(gz)) {
                return gz;
            }
        }
        return path;
    }
}
