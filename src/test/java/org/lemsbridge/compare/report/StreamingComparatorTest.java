package org.lemsbridge.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.SpikeRule;
import org.lemsbridge.compare.SpikeRules;
import org.lemsbridge.compare.StreamingComparator;
import org.lemsbridge.compare.StreamingComparator.TraceFile;
import org.lemsbridge.compare.Tier;
import org.lemsbridge.compare.Tolerances;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.compare.Window;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * The streaming compare ({@link StreamingComparator}) against the in-memory one on the same files: every number of
 * the result equal (records compared field by field, doubles bit for bit) and the JSON and text reports byte for byte.
 */
class StreamingComparatorTest {

    @TempDir
    Path folder;

    private static final ComparisonOptions DEFAULTS = ComparisonOptions.defaults();

    @Test
    void ex2ReferenceAgainstItselfAndAgainstAPerturbedCopyInMillivolts() {
        Path refFile = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        assumeTrue(Files.exists(refFile), refFile + " is absent: skipping");
        Trace ref = TraceReader.read(refFile);
        Comparison same = assertSameAsInMemory(new TraceFile(refFile, List.of()), new TraceFile(refFile, List.of()),
                DEFAULTS.requiring(Tier.EXACT));
        assertEquals(Tier.EXACT, same.verdict().tier());
        assertEquals(12, same.columns().size());

        Random random = new Random(18);
        List<Column> columns = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int c = 0; c < ref.columnCount(); c++) {
            Column column = ref.column(c);
            double[] v = ref.values(c);
            boolean voltage = column.unit().equals("V");
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] + random.nextGaussian() * 1e-6) * (voltage ? 1000 : 1);
            }
            if (c == 3) {
                v[17] = Double.NaN;
                v[5000] = Double.POSITIVE_INFINITY;
            }
            columns.add(new Column(column.name(), column.quantity(), voltage ? "mV" : column.unit()));
            values.add(v);
        }
        Path candFile = write("perturbed.dat", ref.time(), values, false);
        List<Column> candColumns = withTime(columns);
        Comparison perturbed = assertSameAsInMemory(new TraceFile(refFile, List.of()),
                new TraceFile(candFile, candColumns), DEFAULTS);
        assertEquals(Tier.FAIL, perturbed.verdict().tier());
        assertTrue(perturbed.columns().get(3).metrics().nanRows() == 2);
    }

    @Test
    void shortAndLongCandidatesGzipAndMissingColumns() {
        Random random = new Random(7);
        double[] time = grid(0, 1e-4, 3000);
        List<double[]> ref = List.of(resetting(time, random, 0), noise(random, 3000), constant(3000, 2.5));
        Path refFile = write("ref.dat.gz", time, ref, true);
        List<Column> refColumns = withTime(List.of(new Column("v", "pop[0]/v", "V"), new Column("w", "pop[0]/w", "1"),
                new Column("c", "pop[0]/c", "A")));
        for (int rows : new int[] {1200, 3000, 4100}) {
            double[] candTime = grid(0, 1e-4, rows);
            List<double[]> cand = List.of(resetting(candTime, random, 1), noise(random, rows), constant(rows, 2.5));
            Path candFile = write("cand" + rows + ".dat", candTime, cand, false);
            List<Column> candColumns = withTime(List.of(new Column("v", "pop[0]/v", "V"),
                    new Column("w2", "other/w2", "1"), new Column("c", "pop[0]/c", "A")));
            Comparison c = assertSameAsInMemory(new TraceFile(refFile, refColumns),
                    new TraceFile(candFile, candColumns), DEFAULTS);
            assertTrue(c.columns().get(1).missing());
            assertEquals(rows == 3000, c.alignment().covered(), c.alignment().shortfall());
        }
    }

    @Test
    void aNarrowAndAWideFileReadInBlocksOfDifferentRows() {
        Random random = new Random(19);
        double[] time = grid(0, 5e-6, 14_000);
        List<double[]> narrow = List.of(resetting(time, random, 0), sprinkled(noise(random, 14_000), random));
        Path narrowFile = write("narrow.dat", time, narrow, false);
        List<Column> narrowColumns = withTime(List.of(new Column("v", "pop[0]/v", "V"),
                new Column("w", "pop[0]/w", "1")));
        int wideRows = 10_000;
        List<double[]> wide = new ArrayList<>();
        List<Column> wideColumns = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            wide.add(c == 17 ? resetting(time, random, 1) : c == 31 ? noise(random, wideRows) : constant(wideRows, c));
            wideColumns.add(c == 17 ? new Column("v", "pop[0]/v", "V") : c == 31 ? new Column("w", "pop[0]/w", "1")
                    : new Column("x" + c, "other[" + c + "]/x", "1"));
        }
        for (int c = 0; c < wide.size(); c++) {
            wide.set(c, java.util.Arrays.copyOf(wide.get(c), wideRows));
        }
        Path wideFile = write("wide.dat", java.util.Arrays.copyOf(time, wideRows), wide, false);
        TraceFile narrowTrace = new TraceFile(narrowFile, narrowColumns);
        TraceFile wideTrace = new TraceFile(wideFile, withTime(wideColumns));
        Comparison longer = assertSameAsInMemory(narrowTrace, wideTrace, DEFAULTS);
        assertEquals(wideRows, longer.columns().get(0).metrics().rows());
        assertSameAsInMemory(wideTrace, narrowTrace, DEFAULTS.withColumns(List.of(ColumnRequest.of("pop[0]/v",
                "pop[0]/v"), ColumnRequest.of("pop[0]/w", "pop[0]/w"))));
    }

    @Test
    void detectedCandidateRuleKnownRulesAndThresholdsGiveTheSameSpikes() {
        Random random = new Random(3);
        double[] time = grid(0.5, 2e-5, 5000);
        double[] flat = constant(5000, -0.07);
        double[] resets = resetting(time, random, 2);
        Path refFile = write("flat.dat", time, List.of(flat, resets), false);
        Path candFile = write("resets.dat", time, List.of(resets, flat), false);
        List<Column> columns = withTime(List.of(new Column("v", "a/v", "V"), new Column("v", "b/v", "V")));
        TraceFile ref = new TraceFile(refFile, columns);
        TraceFile cand = new TraceFile(candFile, columns);
        Comparison detected = assertSameAsInMemory(ref, cand, DEFAULTS);
        assertTrue(detected.columns().get(0).spikes().candidate().count() > 3);
        assertSameAsInMemory(ref, cand, DEFAULTS.withTolerances(Tolerances.defaults().withSpikeThreshold(-0.05)));
        assertSameAsInMemory(ref, cand, DEFAULTS.withSpikeRules(new SpikeRules(
                Map.of("a/v", new SpikeRule.Reset(-0.04, -0.065, "model")),
                Map.of("b/v", new SpikeRule.Crossing(-40, "candidate model")))));
        assertSameAsInMemory(ref, cand, DEFAULTS.withColumns(List.of(ColumnRequest.of("a/v", "b/v"),
                ColumnRequest.of("b/v", "a/v"), ColumnRequest.of("a/v", "a/v"))));
    }

    @Test
    void randomTracesGiveTheSameResultAsInMemory() {
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            int rows = 2 + random.nextInt(random.nextBoolean() ? 50 : 4000);
            double step = random.nextBoolean() ? 1e-4 : 0.25;
            double[] time = grid(random.nextBoolean() ? 0 : 3 * step, step, rows);
            int width = 1 + random.nextInt(4);
            List<double[]> ref = new ArrayList<>();
            List<double[]> cand = new ArrayList<>();
            List<Column> columns = new ArrayList<>();
            int candRows = random.nextInt(4) == 0 ? Math.max(2, rows - random.nextInt(rows)) : rows;
            for (int c = 0; c < width; c++) {
                double[] v = switch (random.nextInt(5)) {
                    case 0 -> resetting(time, random, c);
                    case 1 -> noise(random, rows);
                    case 2 -> constant(rows, random.nextGaussian());
                    case 3 -> crossing(time);
                    default -> sprinkled(noise(random, rows), random);
                };
                double[] w = new double[candRows];
                for (int i = 0; i < candRows; i++) {
                    w[i] = random.nextInt(3) == 0 ? v[i] : v[i] + random.nextGaussian() * 1e-3;
                }
                ref.add(v);
                cand.add(sprinkled(w, random));
                columns.add(new Column("v" + c, "cell[" + c + "]/v", random.nextInt(4) == 0 ? "mV" : "V"));
            }
            Path refFile = write("r" + seed + ".dat", time, ref, random.nextBoolean());
            Path candFile = write("c" + seed + ".dat.gz", java.util.Arrays.copyOf(time, candRows), cand, true);
            ComparisonOptions options = random.nextBoolean() ? DEFAULTS
                    : DEFAULTS.withTolerances(Tolerances.defaults().withMinCorrelation(0.9)).requiring(Tier.STRICT);
            assertSameAsInMemory(new TraceFile(refFile, withTime(columns)), new TraceFile(candFile, withTime(columns)),
                    options);
        }
    }

    @Test
    void otherGridsAndWindowsAreLeftToTheInMemoryCompare() {
        Random random = new Random(11);
        double[] time = grid(0, 1e-4, 1000);
        Path refFile = write("ref.dat", time, List.of(noise(random, 1000)), false);
        Path coarse = write("coarse.dat", grid(0, 2e-4, 500), List.of(noise(random, 500)), false);
        Path late = write("late.dat", grid(5e-4, 1e-4, 995), List.of(noise(random, 995)), false);
        List<Column> columns = withTime(List.of(new Column("x", "x", "1")));
        TraceFile ref = new TraceFile(refFile, columns);
        assertFalse(StreamingComparator.compare(ref, new TraceFile(coarse, columns), DEFAULTS).isPresent());
        assertFalse(StreamingComparator.compare(ref, new TraceFile(late, columns), DEFAULTS).isPresent());
        assertFalse(StreamingComparator.compare(ref, ref, DEFAULTS.within(Window.parse("0.01:0.05"))).isPresent());
    }

    @Test
    void aBadRowIsRefusedWhereItIs() throws IOException {
        Path bad = folder.resolve("bad.dat");
        Files.writeString(bad, "0\t1\t\n0.1\t2\t\n0.2\tx\t\n");
        List<Column> columns = withTime(List.of(new Column("x", "x", "1")));
        TraceFile file = new TraceFile(bad, columns);
        BadInputException e = assertThrows(BadInputException.class,
                () -> StreamingComparator.compare(file, file, DEFAULTS));
        assertEquals(bad + ":3:5: field 2 is not a number: 'x'", e.oneLine());
    }

    private static Comparison assertSameAsInMemory(TraceFile reference, TraceFile candidate,
                                                   ComparisonOptions options) {
        Comparison whole = TraceComparator.compare(TraceReader.read(reference.path(), reference.columns()),
                TraceReader.read(candidate.path(), candidate.columns()), options);
        for (boolean spill : new boolean[] {true, false}) {
            Optional<Comparison> streamed = StreamingComparator.compare(reference, candidate, options, spill);
            assertTrue(streamed.isPresent(), "identical grids from the first row are streamed: " + whole.alignment());
            assertEquals(whole, streamed.get(), spill ? "second pass from the spill file" : "files parsed twice");
            assertEquals(JsonReport.render(whole), JsonReport.render(streamed.get()));
            assertEquals(TextReport.render(whole), TextReport.render(streamed.get()));
        }
        return whole;
    }

    private Path write(String name, double[] time, List<double[]> columns, boolean gzip) {
        Path file = folder.resolve(name);
        StringBuilder text = new StringBuilder();
        int rows = columns.isEmpty() ? time.length : columns.get(0).length;
        for (int i = 0; i < rows; i++) {
            text.append((float) time[i]).append('\t');
            for (double[] column : columns) {
                text.append(i % 2 == 0 ? Double.toString(column[i]) : Float.toString((float) column[i])).append('\t');
            }
            text.append('\n');
        }
        byte[] bytes = text.toString().replace("Infinity", "inf").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static List<Column> withTime(List<Column> columns) {
        List<Column> all = new ArrayList<>();
        all.add(Column.time());
        all.addAll(columns);
        return all;
    }

    private static double[] grid(double start, double step, int rows) {
        double[] time = new double[rows];
        for (int i = 0; i < rows; i++) {
            time[i] = start + i * step;
        }
        return time;
    }

    /** An integrate-and-fire-like voltage: rises, resets to -65 mV at random thresholds, never crosses 0. */
    private static double[] resetting(double[] time, Random random, int phase) {
        double[] v = new double[time.length];
        double value = -0.065 + 0.001 * phase;
        for (int i = 0; i < v.length; i++) {
            value += 0.0004 + random.nextDouble() * 0.0002;
            if (value > -0.04) {
                value = -0.065;
            }
            v[i] = value;
        }
        return v;
    }

    private static double[] crossing(double[] time) {
        double[] v = new double[time.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.03 * Math.sin(i / 7.0) - 0.01;
        }
        return v;
    }

    private static double[] noise(Random random, int rows) {
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] constant(int rows, double value) {
        double[] v = new double[rows];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static double[] sprinkled(double[] v, Random random) {
        if (random.nextInt(3) == 0) {
            v[random.nextInt(v.length)] = Double.NaN;
            v[random.nextInt(v.length)] = random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return v;
    }
}
