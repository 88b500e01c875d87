package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Throughput on an 80 MB jLEMS-style file; runs only with {@code -Dlemsbridge.perf=true} (the machine is shared). */
class TraceReaderSpeedTest {

    @TempDir
    Path dir;

    @Test
    void readsAtLeast100MegabytesPerSecond() throws IOException {
        assumeTrue(Boolean.getBoolean("lemsbridge.perf"), "set -Dlemsbridge.perf=true to measure reading speed");
        Path file = dir.resolve("big.dat");
        int columns = 12;
        List<Column> names = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            names.add(Column.positional(c + 1));
        }
        int rows = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (rows < 620_000) {
                writer.write(Float.toString((float) (rows * 5.0E-6)));
                writer.write('\t');
                for (int c = 0; c < columns; c++) {
                    double value = -0.07 + 0.01 * Math.sin(rows * 1e-3 * (c + 1)) * (c % 3 == 0 ? 1e-4 : 1.0);
                    writer.write(Float.toString((float) value));
                    writer.write('\t');
                }
                writer.write('\n');
                rows++;
            }
        }
        long bytes = Files.size(file);
        double best = 0;
        for (int attempt = 0; attempt < 4; attempt++) {
            long start = System.nanoTime();
            Trace trace = TraceReader.read(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(rows, trace.rows());
            best = Math.max(best, bytes / 1e6 / seconds);
        }
        System.out.printf("TraceReader: %.1f MB file, best %.0f MB/s%n", bytes / 1e6, best);
        assertTrue(best >= 100, "read speed " + best + " MB/s");
    }
}
