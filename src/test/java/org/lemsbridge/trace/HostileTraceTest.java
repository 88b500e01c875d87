package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;

/**
 * Files that are not traces (or are traces with a twist) are one line of bad input with their position, in bounded
 * memory, quoting nothing of the file beyond a short printable field.
 */
class HostileTraceTest {

    @TempDir
    Path dir;

    private BadInputException refused(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return assertThrows(BadInputException.class, () -> TraceReader.read(file));
    }

    @Test
    void aFileOfCommasIsNotATrace() throws IOException {
        BadInputException e = refused("comma.dat", ",\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(dir.resolve("comma.dat") + ":1:1: not a trace file: the first line that is not blank holds no"
                + " fields", e.oneLine());
        assertEquals(dir.resolve("commas.csv") + ":2:1: not a trace file: the first line that is not blank holds no"
                + " fields", refused("commas.csv", "\n , ,,\n".getBytes(StandardCharsets.US_ASCII)).oneLine());
    }

    @Test
    void controlBytesAreReportedWhereTheyAre() throws IOException {
        assertEquals(dir.resolve("nul.dat") + ":2:5: not a trace file: control byte 0x00",
                refused("nul.dat", "0.0\t1.0\t\n5e-6\0\t1.0\t\n".getBytes(StandardCharsets.US_ASCII)).oneLine());
        assertEquals(dir.resolve("only-nul.dat") + ":1:1: not a trace file: control byte 0x00",
                refused("only-nul.dat", new byte[] {0}).oneLine());
        assertEquals(dir.resolve("bell.dat") + ":1:4: not a trace file: control byte 0x07",
                refused("bell.dat", "0.0\u0007\t1\n".getBytes(StandardCharsets.US_ASCII)).oneLine());
    }

    @Test
    void aByteOrderMarkKeepsTheTimeZeroRow() throws IOException {
        Path file = dir.resolve("bom.dat");
        byte[] rows = "0.0\t-0.065\t\n5.0E-6\t-0.064\t\n".getBytes(StandardCharsets.US_ASCII);
        byte[] withMark = new byte[rows.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(rows, 0, withMark, 3, rows.length);
        Files.write(file, withMark);
        Trace trace = TraceReader.read(file);
        assertEquals(2, trace.rows());
        assertArrayEquals(new double[] {0.0, 5.0E-6}, trace.time());
        assertArrayEquals(new double[] {-0.065, -0.064}, trace.values(0));
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "t,v\n0,1\n1,2\n".getBytes(StandardCharsets.US_ASCII)));
        Trace named = TraceReader.read(csv);
        assertEquals("t", named.timeColumn().name());
        assertEquals("v", named.column(0).name());
    }

    @Test
    void aLineOfAGigabyteIsRefusedAfterSixteenMebibytes() throws IOException {
        long gigabyte = 1L << 30;
        CountingDigits digits = new CountingDigits(gigabyte);
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceReader.read(digits, "long.dat", List.of()));
        assertEquals("long.dat:1:1: not a trace file: line 1 is longer than 16 MiB", e.oneLine());
        assertTrue(digits.served <= DelimitedParser.MAX_LINE_BYTES + (1 << 16), "read " + digits.served + " bytes");
    }

    @Test
    void aGzipExpandingToThreeGigabytesIsRefusedEarly() throws IOException {
        // 3 072 gzip members of 1 MiB each: a valid .gz of about 3 MB that expands to 3 GiB
        byte[] mebibyte = new byte[1 << 20];
        Arrays.fill(mebibyte, (byte) '1');
        byte[] member = gzip(mebibyte);
        Path file = dir.resolve("bomb.dat.gz");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 3072; i++) {
                out.write(member);
            }
        }
        assertTrue(Files.size(file) < 16 << 20, Files.size(file) + " bytes");
        BadInputException e = assertThrows(BadInputException.class, () -> TraceReader.read(file));
        assertEquals(file + ":1:1: not a trace file: line 1 is longer than 16 MiB", e.oneLine());

        Arrays.fill(mebibyte, (byte) 0);
        byte[] zeros = gzip(mebibyte);
        Path nul = dir.resolve("zeros.dat.gz");
        try (OutputStream out = Files.newOutputStream(nul)) {
            for (int i = 0; i < 3072; i++) {
                out.write(zeros);
            }
        }
        assertEquals(nul + ":1:1: not a trace file: control byte 0x00",
                assertThrows(BadInputException.class, () -> TraceReader.read(nul)).oneLine());
    }

    @Test
    void aFileThatIsNotATraceIsNotQuoted() throws IOException {
        String secret = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
        BadInputException e = refused("passwd", secret.getBytes(StandardCharsets.US_ASCII));
        assertEquals(dir.resolve("passwd") + ":2:1: field 1 is not a number (47 bytes)", e.oneLine());
        byte[] binary = new byte[64];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (0x80 + i);
        }
        BadInputException garbage = refused("binary.dat", concat("0 1\n".getBytes(StandardCharsets.US_ASCII),
                binary));
        assertEquals(dir.resolve("binary.dat") + ":2:1: field 1 is not a number (64 bytes)", garbage.oneLine());
        assertFalse(garbage.oneLine().chars().anyMatch(c -> c >= 0x80));
        assertEquals(dir.resolve("short.dat") + ":2:3: field 2 is not a number: '1.x5'",
                refused("short.dat", "0 1\n1 1.x5\n".getBytes(StandardCharsets.US_ASCII)).oneLine());
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** {@code length} bytes of the digit 1 and no newline, made as they are read; counts what was read. */
    private static final class CountingDigits extends InputStream {
        private final long length;
        long served;

        CountingDigits(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            if (served >= length) {
                return -1;
            }
            served++;
            return '1';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - served);
            Arrays.fill(b, off, off + n, (byte) '1');
            served += n;
            return n;
        }
    }
}
