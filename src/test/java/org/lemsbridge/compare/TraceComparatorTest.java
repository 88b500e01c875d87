package org.lemsbridge.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;

class TraceComparatorTest {

    private static final ComparisonOptions DEFAULTS = ComparisonOptions.defaults();

    private static Trace scaled(Trace trace, String timeUnit, double timeFactor, String unit, double factor,
                                int column) {
        double[] time = trace.time();
        for (int i = 0; i < time.length; i++) {
            time[i] *= timeFactor;
        }
        double[] values = trace.values(column);
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
        Column c = trace.column(column);
        return Trace.of("scaled", new Column("t", "t", timeUnit), time, List.of(new Column(c.name(), c.quantity(), unit)),
                List.of(values));
    }

    @Test
    void theReferenceComparedWithItselfIsExact() {
        Trace ref = Ex2Traces.allCells();
        Comparison c = TraceComparator.compare(ref, ref, DEFAULTS.requiring(Tier.EXACT));
        assertEquals(12, c.columns().size());
        assertTrue(c.alignment().sameGrid());
        assertEquals(Tier.EXACT, c.verdict().tier());
        assertTrue(c.passed());
        ColumnComparison burst = c.column("izpopBurst[0]/v");
        assertEquals(0.0, burst.metrics().rmse());
        assertEquals(1.0, burst.metrics().pearson());
        assertEquals(naiveCrossings(ref, "izpopBurst[0]/v"), burst.spikes().reference().times());
        assertEquals(naiveCrossings(ref, "izpopTonic[0]/v"), c.column("izpopTonic[0]/v").spikes().candidate().times());
        // v crosses 0 V on the way up to the 30 mV peak, the step before jLEMS's spike event at 0.0245 s
        assertEquals(0.024375, burst.spikes().reference().times().get(0));
        assertTrue(c.verdict().reasons().isEmpty());
    }

    private static List<Double> naiveCrossings(Trace trace, String quantity) {
        double[] v = trace.valuesOf(quantity).orElseThrow();
        List<Double> times = new ArrayList<>();
        for (int i = 1; i < v.length; i++) {
            if (v[i - 1] <= 0.0 && v[i] > 0.0) {
                times.add(trace.time(i));
            }
        }
        return times;
    }

    @Test
    void voltageAgainstADimensionlessColumnFailsAndSaysWhy() {
        Trace ref = Ex2Traces.allCells();
        Comparison c = TraceComparator.compare(ref, ref,
                DEFAULTS.withColumns(List.of(ColumnRequest.parse("izpopTonic[0]/v=izpopBurst[0]/U", "--columns"))));
        assertFalse(c.passed());
        assertEquals(Tier.FAIL, c.verdict().tier());
        String why = String.join("\n", c.verdict().reasons());
        assertTrue(why.contains("izpopTonic[0]/v: units do not align: reference in V (voltage), candidate "
                + "izpopBurst[0]/U in 1 (dimensionless)"), why);
        assertTrue(why.contains("REF=CAND*0.001"), why);
    }

    @Test
    void scaledDimensionlessCandidateIsComparedByValueAndFailsWithASuggestion() {
        Trace ref = Ex2Traces.allCells();
        Comparison c = TraceComparator.compare(ref, ref,
                DEFAULTS.withColumns(List.of(ColumnRequest.parse("izpopTonic[0]/v=izpopBurst[0]/U*0.001", "cli"))));
        assertFalse(c.passed());
        ColumnComparison column = c.columns().get(0);
        assertEquals(Tier.FAIL, column.tier());
        String why = String.join("\n", c.verdict().reasons());
        assertTrue(why.contains("izpopTonic[0]/v: not tolerant: |Δ| = "), why);
        int refSpikes = naiveCrossings(ref, "izpopTonic[0]/v").size();
        assertTrue(why.contains("spike count differs: reference " + refSpikes + " spikes, candidate "
                + column.spikes().candidate().count()), why);
        assertTrue(refSpikes != column.spikes().candidate().count());
        assertTrue(c.verdict().suggestion().contains("spike counts differ"), c.verdict().suggestion());
        // the metric numbers themselves: U/1000 of the burst cell against the tonic cell's v
        double[] refV = ref.values(ref.indexOfQuantity("izpopTonic[0]/v").orElseThrow());
        double[] candU = ref.values(ref.indexOfQuantity("izpopBurst[0]/U").orElseThrow());
        double max = 0;
        for (int i = 0; i < refV.length; i++) {
            max = Math.max(max, Math.abs(candU[i] * 0.001 - refV[i]));
        }
        assertEquals(max, column.metrics().maxAbsError(), 0.0);
    }

    @Test
    void millivoltsAndMillisecondsAreAlignedToSi() {
        Trace ref = Ex2Traces.allCells();
        int tonic = ref.indexOfQuantity("izpopTonic[0]/v").orElseThrow();
        Trace cand = scaled(ref, "ms", 1000, "mV", 1000, tonic);
        Comparison c = TraceComparator.compare(ref, cand,
                DEFAULTS.withColumns(List.of(ColumnRequest.of("izpopTonic[0]/v", "v"))).requiring(Tier.EXACT));
        assertTrue(c.alignment().sameGrid(), c.alignment().note());
        ColumnComparison column = c.columns().get(0);
        assertEquals("V", column.unit());
        assertTrue(column.metrics().maxAbsError() < 1e-16, "max error " + column.metrics().maxAbsError());
        assertEquals(Tier.EXACT, c.verdict().tier());
        assertTrue(column.spikes().identical());
        assertEquals(ref.valuesOf("izpopTonic[0]/v").orElseThrow().length, column.metrics().rows());
    }

    @Test
    void aCoarserCandidateIsInterpolatedAndSaysSo() {
        int n = 201;
        double[] time = new double[n];
        double[] ramp = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1e-3;
            ramp[i] = 2.0 * time[i] - 0.05;
        }
        double[] coarseTime = new double[51];
        double[] coarse = new double[51];
        for (int i = 0; i < coarse.length; i++) {
            coarseTime[i] = 2e-3 + i * 3.9e-3;
            coarse[i] = 2.0 * coarseTime[i] - 0.05;
        }
        Column v = new Column("v", "cell/v", "V");
        Trace ref = Trace.of("ref", Column.time(), time, List.of(v), List.of(ramp));
        Trace cand = Trace.of("cand", Column.time(), coarseTime, List.of(v), List.of(coarse));
        Comparison whole = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.STRICT));
        assertEquals(Tier.FAIL, whole.verdict().tier());
        assertEquals("coverage: the candidate (51 rows) starts at t = 0.002 s, 0.002 s after the reference's first"
                + " time (0 s) and ends at t = 0.197 s, 0.003 s before the reference's last time (0.2 s); the"
                + " reference has 201 rows from 0 to 0.2 s; " + Coverage.HINT, whole.verdict().reasons().get(0));
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.STRICT)
                .within(Window.parse("2ms:197ms")));
        assertTrue(c.alignment().covered(), c.alignment().shortfall());
        assertFalse(c.alignment().sameGrid());
        assertEquals(2, c.alignment().firstRow());
        int end = 0;
        double last = coarseTime[coarseTime.length - 1];
        while (end < n && (time[end] <= last || TimeAlignment.sameTime(time[end], last))) {
            end++;
        }
        assertEquals(end, c.alignment().endRow());
        assertTrue(c.alignment().note().contains("linearly interpolated onto " + (end - 2) + " of 201 reference rows"),
                c.alignment().note());
        assertTrue(c.columns().get(0).metrics().maxAbsError() < 1e-15);
        // the ramp crosses 0 V at t = 0.025 s: sampled at 0.026 s in the reference, 0.0254 s in the candidate
        assertEquals(Tier.STRICT, c.verdict().tier());
        assertTrue(c.columns().get(0).findings().get(0).message().contains("not exact: spike steps differ"),
                c.columns().get(0).findings().toString());
    }

    @Test
    void tiersFollowTheNamedTolerances() {
        int n = 1000;
        double[] time = new double[n];
        double[] ref = new double[n];
        double[] small = new double[n];
        double[] medium = new double[n];
        double[] large = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1e-4;
            ref[i] = -0.065 + 0.005 * Math.sin(i * 0.01);
            small[i] = ref[i] * (1 + 3e-6);
            medium[i] = ref[i] * (1 + 1e-3);
            large[i] = ref[i] * (1 + 0.2);
        }
        Column v = new Column("v", "cell/v", "V");
        Trace reference = Trace.of("ref", Column.time(), time, List.of(v), List.of(ref));
        assertEquals(Tier.STRICT, grade(reference, small));
        assertEquals(Tier.TOLERANT, grade(reference, medium));
        assertEquals(Tier.FAIL, grade(reference, large));
        Comparison failed = TraceComparator.compare(reference, Trace.of("c", Column.time(), time, List.of(v),
                List.of(large)), DEFAULTS);
        // max over rows of (|Δ| - atol)/|ref| = 0.2 - 1e-4/max|ref|
        double expected = 0;
        for (double r : ref) {
            expected = Math.max(expected, (Math.abs(r * 1.2 - r) - 1e-4) / Math.abs(r));
        }
        assertEquals(expected, failed.columns().get(0).tolerant().suggestedRtol(), 1e-15);
        assertTrue(failed.verdict().suggestion().startsWith("a better tolerance to try: tolerant rtol "
                + Numbers.format(expected) + " with atol " + Numbers.format(1e-4)), failed.verdict().suggestion());
        Tolerances looser = Tolerances.defaults().overriding(Tier.TOLERANT, 0.25, null);
        assertTrue(TraceComparator.compare(reference, Trace.of("c", Column.time(), time, List.of(v), List.of(large)),
                DEFAULTS.withTolerances(looser)).passed());
    }

    private static Tier grade(Trace reference, double[] values) {
        Trace cand = Trace.of("cand", Column.time(), reference.time(), reference.columns(), List.of(values));
        return TraceComparator.compare(reference, cand, DEFAULTS).verdict().tier();
    }

    @Test
    void nanAndMissingColumnsAlwaysFail() {
        double[] time = {0, 1e-3, 2e-3};
        Column v = new Column("v", "cell/v", "V");
        Trace ref = Trace.of("ref", Column.time(), time, List.of(v), List.of(new double[] {1, 2, 3}));
        Trace nan = Trace.of("cand", Column.time(), time, List.of(v), List.of(new double[] {1, Double.NaN, 3}));
        Comparison withNan = TraceComparator.compare(ref, nan, DEFAULTS);
        assertEquals(Tier.FAIL, withNan.verdict().tier());
        assertTrue(withNan.verdict().reasons().get(0).contains("NaN in candidate at row 1"),
                withNan.verdict().reasons().toString());
        Trace infinite = Trace.of("cand", Column.time(), time, List.of(v),
                List.of(new double[] {1, 2, Double.POSITIVE_INFINITY}));
        Comparison withInfinity = TraceComparator.compare(ref, infinite, DEFAULTS);
        assertEquals(Tier.FAIL, withInfinity.verdict().tier());
        assertTrue(withInfinity.verdict().reasons().get(0).contains("Infinity in candidate at row 2"),
                withInfinity.verdict().reasons().toString());
        Trace other = Trace.of("cand", Column.time(), time, List.of(new Column("w", "cell/w", "V")),
                List.of(new double[] {1, 2, 3}));
        Comparison missing = TraceComparator.compare(ref, other, DEFAULTS);
        assertFalse(missing.passed());
        assertTrue(missing.columns().get(0).missing());
        assertTrue(missing.verdict().reasons().get(0).contains("the candidate has no column 'cell/v'"));
    }

    @Test
    void ambiguousShortNamesAreErrorsThatListTheCandidates() {
        Trace ref = Ex2Traces.allCells();
        BadInputException e = assertThrows(BadInputException.class, () -> TraceComparator.compare(ref, ref,
                DEFAULTS.withColumns(List.of(ColumnRequest.of("v", "v")))));
        assertTrue(e.getMessage().contains("'v' is ambiguous in the reference: it matches izpopBurst[0]/v (burst_v), "
                + "izpopTonic[0]/v (tonic_v)"), e.getMessage());
        ColumnRequest byShortName = ColumnRequest.of("tonic_v", "izpopTonic[0]/v");
        assertEquals(Tier.EXACT, TraceComparator.compare(ref, ref, DEFAULTS.withColumns(List.of(byShortName)))
                .verdict().tier());
    }

    @Test
    void unnamedCandidateIsMatchedByPositionWithAWarning() {
        double[] time = {0, 1e-3, 2e-3};
        Trace ref = Trace.of("ref", Column.time(), time, List.of(new Column("v", "cell/v", "V")),
                List.of(new double[] {1, 2, 3}));
        Trace cand = Trace.of("cand.dat", new Column("t", "t", ""), time, List.of(Column.positional(1)),
                List.of(new double[] {1, 2, 3}));
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS);
        assertEquals(Tier.EXACT, c.verdict().tier());
        List<String> warnings = new ArrayList<>(c.warnings());
        assertTrue(warnings.contains("columns matched by position because the candidate cand.dat names no columns"),
                warnings.toString());
        Comparison explicit = TraceComparator.compare(ref, cand,
                DEFAULTS.withColumns(List.of(ColumnRequest.parse("cell/v=#1", "cli"))));
        assertEquals(Tier.EXACT, explicit.verdict().tier());
    }

    @Test
    void manifestUnitsLikeAmperePerSquareMetreAreUnderstood() {
        java.nio.file.Path path = SharedFolder.file("reference-data/Ex5_DetCell/Ex5_DetCell_displays.dat.gz");
        Trace ref = org.lemsbridge.trace.TraceReader.read(path);
        int ina = ref.indexOfQuantity("hhpop[0]/bioPhys1/membraneProperties/naChans/iDensity").orElseThrow();
        assertEquals("A/m^2", ref.column(ina).unit());
        Comparison self = TraceComparator.compare(ref, ref, DEFAULTS.requiring(Tier.EXACT));
        assertEquals(Tier.EXACT, self.verdict().tier());
        // the same current density written in mA/cm^2 (1 A/m^2 = 0.1 mA/cm^2)
        Trace cand = scaled(ref, "s", 1, "mA_per_cm2", 0.1, ina);
        Comparison converted = TraceComparator.compare(ref, cand, DEFAULTS.withColumns(List.of(ColumnRequest.of(
                "hhpop[0]/bioPhys1/membraneProperties/naChans/iDensity", "d3_ina"))).requiring(Tier.STRICT));
        assertTrue(converted.passed(), converted.verdict().reasons().toString());
        assertTrue(converted.columns().get(0).metrics().maxRelError() < 1e-15);
    }

    @Test
    void unknownUnitSymbolsCompareOnlyWhenSpelledAlike() {
        double[] time = {0, 1e-3, 2e-3};
        Trace ref = Trace.of("ref", Column.time(), time, List.of(new Column("x", "c/x", "furlong")),
                List.of(new double[] {1, 2, 3}));
        Trace same = Trace.of("cand", Column.time(), time, List.of(new Column("x", "c/x", "furlong")),
                List.of(new double[] {1, 2, 3}));
        assertEquals(Tier.EXACT, TraceComparator.compare(ref, same, DEFAULTS).verdict().tier());
        Trace other = Trace.of("cand", Column.time(), time, List.of(new Column("x", "c/x", "V")),
                List.of(new double[] {1, 2, 3}));
        Comparison c = TraceComparator.compare(ref, other, DEFAULTS);
        assertEquals(Tier.FAIL, c.verdict().tier());
        assertTrue(c.verdict().reasons().get(0).contains("units do not align: reference in furlong (unknown to the "
                + "unit table)"), c.verdict().reasons().toString());
    }

    @Test
    void aCandidateWithoutTheTimeZeroRowFailsUnlessAWindowLeavesThatRowOut() {
        Trace ref = Ex2Traces.allCells();
        Trace cand = ref.slice(1, ref.rows());
        Comparison whole = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.TOLERANT));
        assertTrue(whole.alignment().sameGrid());
        assertEquals(1, whole.alignment().firstRow());
        assertEquals(40000, whole.alignment().rows());
        assertEquals("time grids identical on 40000 of 40001 reference rows (candidate 40000 rows), compared point"
                + " by point", whole.alignment().note());
        assertEquals(Tier.FAIL, whole.verdict().tier());
        assertEquals("coverage: the candidate (40000 rows) starts at t = 5e-6 s, 5e-6 s after the reference's first"
                + " time (0 s); the reference has 40001 rows from 0 to 0.2 s; " + Coverage.HINT,
                whole.verdict().reasons().get(0));
        Comparison window = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.EXACT)
                .within(Window.parse("0.005ms:200ms")));
        assertEquals(Tier.EXACT, window.verdict().tier(), window.verdict().reasons().toString());
        assertEquals(40000, window.alignment().rows());
    }

    @Test
    void aTruncatedCandidateFailsEveryTierAndSaysWhereItEnds() {
        Trace ref = Ex2Traces.allCells();
        for (int rows : new int[] {401, 4001, 40000}) {
            Trace cand = ref.slice(0, rows);
            for (Tier required : new Tier[] {Tier.EXACT, Tier.STRICT, Tier.TOLERANT}) {
                Comparison c = TraceComparator.compare(ref, cand, DEFAULTS.requiring(required));
                assertFalse(c.passed(), rows + " rows passed " + required);
                assertEquals(Tier.FAIL, c.verdict().tier());
                assertEquals("", c.verdict().suggestion());
                double end = ref.time()[rows - 1];
                assertEquals("coverage: the candidate (" + rows + " rows) ends at t = " + Numbers.format(end) + " s, "
                        + Numbers.format(0.2 - end) + " s before the reference's last time (0.2 s); the reference has"
                        + " 40001 rows from 0 to 0.2 s; " + Coverage.HINT, c.verdict().reasons().get(0));
                // the rows it has are jLEMS's own: every column fails on coverage alone, with no error on them
                c.columns().forEach(column -> {
                    assertEquals(Tier.FAIL, column.tier(), column.quantity());
                    assertEquals(List.of(column.quantity() + ": " + c.alignment().shortfall()),
                            column.reasonsAgainst(required));
                    assertEquals(0.0, column.metrics().maxAbsError(), column.quantity());
                });
                assertEquals(1, c.verdict().reasons().size(), c.verdict().reasons().toString());
                assertEquals(rows, c.alignment().rows());
            }
            Window part = new Window(0, ref.time()[rows - 1]);
            Comparison windowed = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.EXACT).within(part));
            assertTrue(windowed.passed(), windowed.verdict().reasons().toString());
            assertEquals(rows, windowed.alignment().rows());
        }
    }

    @Test
    void aCandidateThatRunsOnFailsUnlessAWindowAsksForThePart() {
        Trace full = Ex2Traces.allCells();
        Trace ref = full.slice(0, 20001);
        Comparison c = TraceComparator.compare(ref, full, DEFAULTS.requiring(Tier.TOLERANT));
        assertEquals(Tier.FAIL, c.verdict().tier());
        assertEquals("coverage: the candidate (40001 rows) runs on to t = 0.2 s, 0.1 s after the reference's last"
                + " time (0.1 s); the reference has 20001 rows from 0 to 0.1 s; " + Coverage.HINT,
                c.verdict().reasons().get(0));
        Comparison windowed = TraceComparator.compare(ref, full, DEFAULTS.requiring(Tier.EXACT)
                .within(Window.parse("0:100ms")));
        assertTrue(windowed.passed(), windowed.verdict().reasons().toString());
        assertEquals(20001, windowed.alignment().rows());
        assertTrue(windowed.alignment().sameGrid());
    }

    @Test
    void aWindowTheCandidateDoesNotReachFailsToo() {
        Trace ref = Ex2Traces.allCells();
        Trace cand = ref.slice(0, 10001);
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.TOLERANT)
                .within(Window.parse("0.01:0.1")));
        assertEquals(Tier.FAIL, c.verdict().tier());
        assertEquals("coverage: the candidate (10001 rows) ends at t = 0.05 s, 0.05 s before the window's last"
                + " reference time (0.1 s); the window has 18001 rows from 0.01 to 0.1 s; " + Coverage.HINT,
                c.verdict().reasons().get(0));
        BadInputException empty = assertThrows(BadInputException.class, () -> TraceComparator.compare(ref, cand,
                DEFAULTS.within(Window.parse("0.3:0.4"))));
        assertEquals("--window:0:0: the window 0.3 to 0.4 s holds fewer than 2 reference rows (the reference spans 0 to"
                + " 0.2 s)", empty.oneLine());
    }

    @Test
    void aCoarserCandidateCoveringTheWholeSpanPasses() {
        int n = 201;
        double[] time = new double[n];
        double[] ramp = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = i * 1e-3;
            ramp[i] = 3.0 * time[i];
        }
        double[] coarseTime = new double[51];
        double[] coarse = new double[51];
        for (int i = 0; i < coarse.length; i++) {
            coarseTime[i] = i * 4e-3;
            coarse[i] = 3.0 * coarseTime[i];
        }
        Column w = new Column("w", "cell/w", "1");
        Trace ref = Trace.of("ref", Column.time(), time, List.of(w), List.of(ramp));
        Trace cand = Trace.of("cand", Column.time(), coarseTime, List.of(w), List.of(coarse));
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.STRICT));
        assertTrue(c.alignment().covered(), c.alignment().shortfall());
        assertEquals(201, c.alignment().rows());
        assertEquals(Tier.EXACT, c.verdict().tier(), c.verdict().reasons().toString());
        Trace shorter = cand.slice(0, 50);
        assertEquals(Tier.FAIL, TraceComparator.compare(ref, shorter, DEFAULTS).verdict().tier());
    }

    @Test
    void windowsAreReadInSecondsOrWithAUnitOfTime() {
        assertEquals(new Window(0.01, 0.05), Window.parse("10ms:50ms"));
        assertEquals(new Window(0, 0.2), Window.parse("0:0.2"));
        assertEquals(new Window(0, 0.2), Window.parse(" 0 s : 0.2 s "));
        assertEquals("a window needs a start before its end, got 0.05 to 0.01 s",
                assertThrows(IllegalArgumentException.class, () -> Window.parse("0.05:0.01")).getMessage());
        assertEquals("a window bound must be in a unit of time (s, ms, ...)",
                assertThrows(IllegalArgumentException.class, () -> Window.parse("0:5mV")).getMessage());
        assertEquals("a window is T0:T1 (seconds, or with a unit of time like 10ms:50ms)",
                assertThrows(IllegalArgumentException.class, () -> Window.parse("0.05")).getMessage());
        assertEquals("a window bound must be a time like 0.05 or 50ms",
                assertThrows(IllegalArgumentException.class, () -> Window.parse("x:1")).getMessage());
    }

    @Test
    void columnsThatAreNotMembranePotentialsGetNoSpikeTrains() {
        double[] time = {0, 1e-3, 2e-3, 3e-3};
        Trace ref = Trace.of("ref", Column.time(), time, List.of(new Column("q", "c/q", "1")),
                List.of(new double[] {-1e-6, 1e-6, -1e-6, 1e-6}));
        Trace cand = Trace.of("cand", Column.time(), time, List.of(new Column("q", "c/q", "1")),
                List.of(new double[] {1e-6, 1e-6, 1e-6, 1e-6}));
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS);
        ColumnComparison q = c.columns().get(0);
        assertEquals(null, q.spikes(), "a gate's crossings of 0 are no spikes");
        assertEquals(Tier.TOLERANT, q.tier(), q.findings().toString());
        assertTrue(c.passed());
    }

    @Test
    void columnsTheCandidateLacksAreMissingEvenWhenTheirShortNameExistsElsewhere() {
        Trace ref = Ex2Traces.allCells();
        java.nio.file.Path displays = java.nio.file.Path.of("reference-data/Ex2_Izh/Ex2_Izh_displays.dat.gz")
                .toAbsolutePath();
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(displays));
        Trace cand = org.lemsbridge.trace.TraceReader.read(displays);
        Comparison c = TraceComparator.compare(ref, cand, DEFAULTS.requiring(Tier.EXACT));
        assertEquals(12, c.columns().size());
        assertEquals(9, c.columns().stream().filter(col -> col.tier() == Tier.EXACT).count());
        ColumnComparison class1 = c.column("izpopClass1[0]/v");
        assertTrue(class1.missing());
        assertTrue(class1.findings().get(0).message().startsWith(
                "izpopClass1[0]/v: the candidate has no column 'izpopClass1[0]/v' (it has izpopBurst[0]/v, "),
                class1.findings().toString());
        assertFalse(c.passed());
        // matched the other way round every displays column is found
        assertEquals(Tier.EXACT, TraceComparator.compare(cand, ref, DEFAULTS).verdict().tier());
    }

    @Test
    void tolerancesAreNamedOverridableAndValidated() {
        Tolerances t = Tolerances.defaults();
        assertEquals(1e-6, t.exactRelative());
        assertEquals(1e-5, t.strictRtol());
        assertEquals(1e-8, t.strictAtol());
        assertEquals(0.05, t.tolerantRtol());
        assertEquals(1e-4, t.tolerantAtol());
        Tolerances strict = t.overriding(Tier.STRICT, 1e-3, null);
        assertEquals(1e-3, strict.strictRtol());
        assertEquals(1e-8, strict.strictAtol());
        assertEquals(2e-6, t.overriding(Tier.EXACT, 2e-6, 5.0).exactRelative());
        BadInputException e = assertThrows(BadInputException.class, () -> t.overriding(Tier.TOLERANT, -0.1, null));
        assertTrue(e.getMessage().contains("tolerantRtol must be a finite number >= 0"), e.getMessage());
    }
}
