package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;

/**
 * The one-pass row parser against {@link Double#parseDouble}, bit for bit, on the number forms traces hold, and the
 * whole reader on files mixing plain rows with rows only the careful way takes.
 */
class PlainRowParserTest {

    /** A random number in one of the forms jLEMS, lemsbridge, pyLEMS/numpy, C and people write. */
    private static String number(Random random) {
        double any = Double.longBitsToDouble(random.nextLong());
        float anyFloat = Float.intBitsToFloat(random.nextInt());
        double typical = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(30) - 15);
        return switch (random.nextInt(16)) {
            case 0 -> Float.toString(anyFloat);
            case 1 -> Double.toString(any);
            case 2 -> Float.toString((float) typical);
            case 3 -> Double.toString(typical);
            case 4 -> String.format(Locale.ROOT, "%.7g", typical);
            case 5 -> String.format(Locale.ROOT, "%.17g", typical);
            case 6 -> String.format(Locale.ROOT, "%.18e", typical);
            case 7 -> String.format(Locale.ROOT, "%+.6E", typical);
            case 8 -> String.format(Locale.ROOT, "%.3e", typical).replace("e-0", "e-").replace("e+0", "e");
            case 9 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 10 -> String.format(Locale.ROOT, "%.25f", typical);
            case 11 -> String.format(Locale.ROOT, "%.0f", typical) + ".";
            case 12 -> ".".concat(Integer.toString(random.nextInt(1_000_000)));
            case 13 -> List.of("NaN", "Infinity", "-Infinity", "+Infinity", "-0", "0.0", "-0.0", "+0", "0e99999",
                    "1e-400", "-1e400", "4.9E-324", "1.7976931348623157E308", "9007199254740993", "00012.500",
                    "123456789012345678901234567890e-20").get(random.nextInt(16));
            case 14 -> (random.nextBoolean() ? "+" : "-") + Float.toString(Math.abs((float) typical));
            default -> Double.toString(Math.scalb(random.nextDouble(), random.nextInt(200) - 100));
        };
    }

    private static void assertSameBits(String text, double parsed) {
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(parsed), text);
    }

    @Property(tries = 400)
    void everyFieldOfARowIsWhatParseDoubleReads(@ForAll long seed) {
        Random random = new Random(seed);
        TextFormat format = TextFormat.values()[random.nextInt(3)];
        int width = 1 + random.nextInt(40);
        List<String> fields = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width; i++) {
            String field = number(random);
            fields.add(field);
            line.append(field);
            if (i + 1 < width || format == TextFormat.TAB) {
                line.append(switch (format) {
                    case TAB -> "\t";
                    case CSV -> ",";
                    case WHITESPACE -> " ".repeat(1 + random.nextInt(3));
                });
            }
        }
        line.append(random.nextBoolean() ? "\n" : "\r\n");
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        double[] row = new double[width + 3];
        int newline = new PlainRowParser(format, width).parse(bytes, 0, bytes.length, row, 3);
        assertEquals(bytes.length - 1, newline, line.toString());
        for (int i = 0; i < width; i++) {
            assertSameBits(fields.get(i), row[3 + i]);
        }
        int cut = random.nextInt(bytes.length - 1);
        assertEquals(PlainRowParser.MORE, new PlainRowParser(format, width).parse(bytes, 0, cut, row, 3),
                "cut at " + cut + ": " + line);
    }

    @Property(tries = 200)
    void aWholeFileReadsAsParseDoubleReadsEachField(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int width = 1 + random.nextInt(8);
        int rows = 1 + random.nextInt(200);
        List<String[]> expected = new ArrayList<>();
        StringBuilder text = new StringBuilder("# written by a test\n");
        for (int r = 0; r < rows; r++) {
            if (random.nextInt(20) == 0) {
                text.append(random.nextBoolean() ? "\n" : "# a comment\t1\t2\n");
            }
            String[] fields = new String[width];
            for (int c = 0; c < width; c++) {
                fields[c] = number(random);
                text.append(fields[c]).append('\t');
            }
            text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            expected.add(fields);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        DelimitedParser parser = new DelimitedParser(new ByteArrayInputStream(bytes), "random.dat", 0);
        RawTable table = parser.parse();
        assertEquals(rows, table.rows());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                assertSameBits(expected.get(r)[c], table.columns()[c][r]);
            }
        }
    }

    @Test
    void theFormsThatAreNotPlainGoTheCarefulWay() {
        PlainRowParser parser = new PlainRowParser(TextFormat.TAB, 2);
        for (String line : new String[] {"# 1\t2\t\n", "\n", "1\t\t2\t\n", "1\t2\t3\t\n", "1\n", "1.x5\t2\t\n",
            "1\t2\u0000\t\n", "1\t2\t\r\r\n", " 1\t2\t\n", "0x10\t2\t\n", "1.0d\t2\t\n", "-\t2\t\n", "1e\t2\t\n"}) {
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            assertEquals(PlainRowParser.SLOW, parser.parse(bytes, 0, bytes.length, new double[2], 0),
                    line.replace("\u0000", "NUL"));
        }
    }

    @Test
    void aBadRowFoundAfterPlainRowsIsReportedWhereItIs() {
        String text = "0\t1\t\n5.0E-6\t1.5\t\n1.0E-5\t2\u0007\t\n";
        DelimitedParser parser = new DelimitedParser(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "bell.dat", 0);
        BadInputException e = assertThrows(BadInputException.class, parser::parse);
        assertEquals("bell.dat:3:9: not a trace file: control byte 0x07", e.oneLine());
        String fields = "0\t1\t\n5.0E-6\t1.5\t\n1.0E-5\t1.x5\t\n";
        DelimitedParser second = new DelimitedParser(
                new ByteArrayInputStream(fields.getBytes(StandardCharsets.US_ASCII)), "x.dat", 0);
        assertEquals("x.dat:3:8: field 2 is not a number: '1.x5'",
                assertThrows(BadInputException.class, second::parse).oneLine());
    }
}
