package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.testing.SharedFolder;

class TraceReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheEx2ReferenceWithItsManifest() {
        Trace trace = TraceReader.read(SharedData.projectReference("Ex2_Izh/Ex2_Izh_allcells.dat.gz"));
        assertEquals(40001, trace.rows());
        assertEquals(12, trace.columnCount());
        assertEquals(new Column("burst_v", "izpopBurst[0]/v", "V"), trace.column(0));
        assertEquals(new Column("t", "t", "s"), trace.timeColumn());
        int burstV = trace.indexOfQuantity("izpopBurst[0]/v").orElseThrow();
        int burstU = trace.indexOfQuantity("izpopBurst[0]/U").orElseThrow();
        int burstI = trace.indexOfQuantity("izpopBurst[0]/i0/I").orElseThrow();
        int class1V = trace.indexOfQuantity("izpopClass1[0]/v").orElseThrow();
        assertEquals(0.0245, trace.time(4900));
        assertEquals(-0.05, trace.value(burstV, 4900));
        assertEquals(-11.767775, trace.value(burstU, 4900));
        assertEquals(15.0, trace.value(burstI, 4900));
        assertEquals(-0.099831015, trace.value(class1V, 4900));
        assertEquals(0.2, trace.time(40000));
        assertEquals(1.7682061, trace.value(burstU, 40000));
        assertEquals(5.0E-6, trace.time(1));
        assertEquals(-0.06027, trace.value(class1V, 1));
    }

    @Test
    void readsTheSharedEx1ReferenceUncompressed() {
        Trace trace = TraceReader.read(SharedFolder.file("reference-data/Ex1_HH/hh_v.dat"));
        assertEquals(15001, trace.rows());
        assertEquals(1, trace.columnCount());
        assertEquals("V", trace.column(0).unit());
        assertEquals(0.15, trace.time(15000), 1e-12);
    }

    @Test
    void pylemsWhitespaceFileWithoutNamesIsPositional() throws IOException {
        Path file = dir.resolve("py.dat");
        Files.writeString(file, "5e-06 -0.0699 1.5\n1e-05   -0.0698 1.25\n");
        Trace trace = TraceReader.read(file);
        assertEquals(2, trace.rows());
        assertEquals(List.of(Column.positional(1), Column.positional(2)), trace.columns());
        assertTrue(trace.isUnnamed());
        assertEquals(1e-05, trace.time(1));
        assertEquals(1.25, trace.value(1, 1));
    }

    @Test
    void csvHeaderGivesNamesAndBracketedUnits() throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "time (ms),v [mV],\"w\"\r\n0,-70,0.5\r\n0.1,-69.5,0.25\r\n");
        Trace trace = TraceReader.read(file);
        assertEquals(new Column("time", "time", "ms"), trace.timeColumn());
        assertEquals(new Column("v", "v", "mV"), trace.column(0));
        assertEquals(new Column("w", "w", ""), trace.column(1));
        assertEquals(-69.5, trace.value(0, 1));
    }

    @Test
    void gzipIsRecognisedByMagicBytesAndSidecarNamesTheColumns() throws IOException {
        Path file = dir.resolve("run.dat.gz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("0.0\t-0.07\t\n5.0E-6\t-0.069\t\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.write(file, bytes.toByteArray());
        Files.writeString(dir.resolve("run.dat.json"),
                "{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"},"
                        + "{\"name\":\"v\",\"quantity\":\"pop[0]/v\",\"unit\":\"V\"}],\"source\":\"test\",\"rows\":2}");
        Trace trace = TraceReader.read(file);
        assertEquals(new Column("v", "pop[0]/v", "V"), trace.column(0));
        assertEquals(-0.069, trace.value(0, 1));
        Path disguised = dir.resolve("plain-name.txt");
        Files.write(disguised, bytes.toByteArray());
        assertEquals(-0.069, TraceReader.read(disguised).value(0, 1));
    }

    @Test
    void explicitColumnsWinAndMayLeaveOutTime() throws IOException {
        Path file = dir.resolve("a.dat");
        Files.writeString(file, "0.0\t1.0\t2.0\t\n");
        Trace trace = TraceReader.read(file, List.of(new Column("a", "x/a", "V"), new Column("b", "x/b", "A")));
        assertEquals("x/b", trace.column(1).quantity());
        BadInputException wrongCount = assertThrows(BadInputException.class,
                () -> TraceReader.read(file, List.of(new Column("a", "x/a", "V"))));
        assertTrue(wrongCount.getMessage().contains("names 1 columns but the file has 3"), wrongCount.getMessage());
    }

    @Test
    void nonNumberFieldIsReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.dat");
        Files.writeString(file, "0.0\t1.0\t\n5.0E-6\t1.x5\t\n");
        BadInputException e = assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertEquals(2, e.location().line());
        assertEquals(8, e.location().column());
        assertTrue(e.oneLine().startsWith(file + ":2:8: field 2 is not a number: '1.x5'"), e.oneLine());
    }

    @Test
    void raggedRowsAreReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("ragged.dat");
        Files.writeString(file, "0.0\t1.0\t2.0\t\n1.0\t1.0\t\n2.0\t1.0\t2.0\t3.0\t\n");
        BadInputException shortRow = assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertEquals(2, shortRow.location().line());
        assertTrue(shortRow.getMessage().contains("row has 2 fields but the first row has 3"), shortRow.getMessage());
        Files.writeString(file, "0.0\t1.0\t2.0\t\n2.0\t1.0\t2.0\t3.0\t\n");
        BadInputException longRow = assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertEquals(2, longRow.location().line());
        assertEquals(13, longRow.location().column());
    }

    @Test
    void emptyFileIsBadInput() throws IOException {
        Path file = dir.resolve("empty.dat");
        Files.writeString(file, "\n\n");
        assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertThrows(BadInputException.class, () -> TraceReader.read(dir.resolve("missing.dat")));
    }

    @Test
    void longLinesLargerThanTheBufferAreRead() throws IOException {
        StringBuilder row = new StringBuilder("0.0\t");
        for (int i = 0; i < 20_000; i++) {
            row.append("-0.0123456\t");
        }
        Path file = dir.resolve("wide.dat");
        Files.writeString(file, row + "\n" + row.toString().replaceFirst("0.0", "1.0") + "\n");
        Trace trace = TraceReader.read(file);
        assertEquals(20_000, trace.columnCount());
        assertEquals(-0.0123456, trace.value(19_999, 1));
    }

    @Test
    void csvRowsMustMatchTheHeader() throws IOException {
        Path file = dir.resolve("short.csv");
        Files.writeString(file, "t,v,w\n0,1,2\n1,2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertEquals(file + ":3:4: row has 2 fields but the header has 3", e.oneLine());
    }
}
