package org.lemsbridge.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads jLEMS {@code .dat} files (plain or gzipped) and measures column differences, for tests. */
public final class DatFiles {

    private DatFiles() {
    }

    public static List<double[]> read(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                double[] row = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    row[i] = Double.parseDouble(fields[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** True if both files (either may be gzipped) hold the same characters. */
    public static boolean sameText(Path reference, Path candidate) throws IOException {
        try (InputStream rawA = Files.newInputStream(reference);
                InputStream a = reference.toString().endsWith(".gz") ? new GZIPInputStream(rawA) : rawA;
                InputStream rawB = Files.newInputStream(candidate);
                InputStream b = candidate.toString().endsWith(".gz") ? new GZIPInputStream(rawB) : rawB) {
            return java.util.Arrays.equals(a.readAllBytes(), b.readAllBytes());
        }
    }

    /** Per column: max |candidate - reference| and max |reference|. */
    public record ColumnDifference(int column, double maxAbsDiff, double maxAbsRef, int firstBadRow) {
        public boolean within(double relative) {
            return maxAbsDiff <= relative * maxAbsRef;
        }
    }

    public static List<ColumnDifference> compare(List<double[]> reference, List<double[]> candidate, double relative) {
        int columns = reference.get(0).length;
        List<ColumnDifference> result = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            double maxRef = 0;
            for (double[] row : reference) {
                maxRef = Math.max(maxRef, Math.abs(row[c]));
            }
            double maxDiff = 0;
            int firstBad = -1;
            for (int r = 0; r < Math.min(reference.size(), candidate.size()); r++) {
                double d = Math.abs(reference.get(r)[c] - candidate.get(r)[c]);
                if (Double.isNaN(d)) {
                    d = Double.POSITIVE_INFINITY;
                }
                if (d > maxDiff) {
                    maxDiff = d;
                }
                if (firstBad < 0 && d > relative * maxRef) {
                    firstBad = r;
                }
            }
            result.add(new ColumnDifference(c, maxDiff, maxRef, firstBad));
        }
        return result;
    }
}
