package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatWriterTest {

    @TempDir
    Path dir;

    @Test
    void rewritingAJlemsFileIsByteIdentical() throws IOException {
        Path reference = SharedData.shared("reference-data/Ex1_HH/Ex1_HH_displays.dat");
        Trace trace = TraceReader.read(reference);
        Path copy = dir.resolve("copy.dat");
        DatWriter.write(copy, trace, "rewrite test");
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(copy));
    }

    @Test
    void rewritingTheGzippedEx2ReferenceGivesTheSameBytesUncompressed() throws IOException {
        Path reference = SharedData.projectReference("Ex2_Izh/Ex2_Izh_allcells.dat.gz");
        byte[] expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(reference))) {
            expected = in.readAllBytes();
        }
        Path copy = dir.resolve("allcells.dat");
        DatWriter.write(copy, TraceReader.read(reference), "rewrite test");
        byte[] written = Files.readAllBytes(copy);
        assertEquals(4807360, written.length);
        assertArrayEquals(expected, written);
    }

    @Test
    void sidecarNamesColumnsAndReadsBack() throws IOException {
        Path file = dir.resolve("out.dat");
        try (StreamingDatWriter writer = DatWriter.open(file, Column.time(),
                List.of(new Column("v", "izpopTonic[0]/v", "V"), new Column("q\"", "a\\b", "1")), "sim \"x\"")) {
            writer.writeRow(0.0, -0.07, 0.5);
            writer.writeRow(5.0E-6, -0.0699, 1.0E-7);
            writer.commit();
        }
        assertEquals("0.0\t-0.07\t0.5\t\n5.0E-6\t-0.0699\t1.0E-7\t\n", Files.readString(file));
        Sidecar sidecar = Sidecar.read(dir.resolve("out.dat.json"));
        assertEquals(2, sidecar.rows());
        assertEquals("sim \"x\"", sidecar.source());
        assertEquals(List.of(Column.time(), new Column("v", "izpopTonic[0]/v", "V"), new Column("q\"", "a\\b", "1")),
                sidecar.columns());
        Trace back = TraceReader.read(file);
        assertEquals("a\\b", back.column(1).quantity());
        assertEquals(1.0E-7, back.value(1, 1));
    }

    @Test
    void uncommittedWriterLeavesNoFileBehind() throws IOException {
        Path file = dir.resolve("partial.dat");
        try (StreamingDatWriter writer = DatWriter.open(file, Column.time(), List.of(Column.positional(1)), "")) {
            writer.writeRow(0.0, 1.0);
        }
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(Sidecar.pathFor(file)));
        try (var listing = Files.list(dir)) {
            assertEquals(0, listing.count());
        }
    }

    @Test
    void gzDestinationIsCompressedAndReadBack() throws IOException {
        Path file = dir.resolve("big.dat.gz");
        try (StreamingDatWriter writer = DatWriter.open(file, Column.time(), List.of(new Column("v", "p/v", "V")), "")) {
            for (int i = 0; i < 1000; i++) {
                writer.writeRow(i * 5.0E-6, Math.sin(i * 0.01));
            }
            writer.commit();
        }
        assertTrue(Files.exists(dir.resolve("big.dat.json")));
        Trace back = TraceReader.read(file);
        assertEquals(1000, back.rows());
        assertEquals(Double.parseDouble(Float.toString((float) Math.sin(999 * 0.01))), back.value(0, 999), 0.0);
        assertEquals("p/v", back.column(0).quantity());
    }
}
