package org.lemsbridge.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.ComparisonRun;
import org.lemsbridge.compare.Numbers;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

class ReportsTest {

    private static Trace ex2() {
        Path path = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return TraceReader.read(path);
    }

    /** The reference with the tonic cell's v delayed by 40 samples (0.2 ms) and a quoted, piped column name. */
    private static ComparisonRun shiftedRun() {
        Trace ref = ex2();
        double[] v = ref.valuesOf("izpopTonic[0]/v").orElseThrow();
        double[] shifted = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            shifted[i] = v[Math.max(0, i - 40)];
        }
        double[] burst = ref.valuesOf("izpopBurst[0]/v").orElseThrow();
        Trace cand = Trace.of("cand \"x\"", Column.time(), ref.time(),
                List.of(new Column("v", "izpopTonic[0]/v", "V"), new Column("b|<&>", "burst\"<&>|\\/v", "V")),
                List.of(shifted, burst));
        return TraceComparator.run(ref, cand, ComparisonOptions.defaults().withColumns(List.of(
                ColumnRequest.of("izpopTonic[0]/v", "v"), ColumnRequest.of("izpopBurst[0]/v", "b|<&>"))));
    }

    @Test
    void textReportShowsTableVerdictReasonsAndSuggestion() {
        Comparison c = shiftedRun().comparison();
        String text = TextReport.render(c);
        assertTrue(text.contains("FAIL (fail; required tolerant)"), text);
        assertTrue(text.contains("izpopTonic[0]/v: not tolerant: |Δ| = "), text);
        assertTrue(text.contains("a better tolerance to try: tolerant rtol "
                + Numbers.format(c.columns().get(0).tolerant().suggestedRtol())), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("izpopBurst[0]/v") && l.contains(" exact ")), text);
    }

    @Test
    void aColumnWithNaNShowsNaNMetricsAndTheFindingSaysWhere() {
        double[] time = {0, 1e-3, 2e-3, 3e-3};
        Column w = new Column("w", "cell/w", "1");
        Trace ref = Trace.of("ref", Column.time(), time, List.of(w), List.of(new double[] {1, 2, 3, 4}));
        Trace cand = Trace.of("cand", Column.time(), time, List.of(w), List.of(new double[] {1, 2, Double.NaN, 4}));
        String text = TextReport.render(TraceComparator.compare(ref, cand, ComparisonOptions.defaults()));
        String row = text.lines().filter(l -> l.startsWith("cell/w")).findFirst().orElseThrow();
        assertEquals(List.of("cell/w", "cell/w", "fail", "dimensionless", "NaN", "NaN", "-", "NaN", "NaN", "NaN", "-", "-"),
                List.of(row.trim().split(" {2,}")), text);
        assertTrue(text.contains("  cell/w: NaN in candidate at row 2 (t = 0.002 s), 1 rows with NaN or infinity"),
                text);
    }

    @Test
    void jsonReportParsesAndCarriesTheNumbers() throws Exception {
        Comparison c = shiftedRun().comparison();
        JsonNode root = new ObjectMapper().readTree(JsonReport.render(c));
        assertEquals("cand \"x\"", root.get("candidate").asText());
        assertEquals("fail", root.get("verdict").get("tier").asText());
        assertFalse(root.get("verdict").get("passed").asBoolean());
        assertEquals(0.05, root.get("verdict").get("tolerances").get("tolerantRtol").asDouble());
        JsonNode tonic = root.get("columns").get(0);
        assertEquals(c.columns().get(0).metrics().rmse(), tonic.get("rmse").asDouble(), 0.0);
        assertEquals(c.columns().get(0).metrics().pearson(), tonic.get("pearson").asDouble(), 0.0);
        assertEquals(c.columns().get(0).spikes().reference().count(), tonic.get("spikes").get("reference").size());
        assertEquals(0.0002, tonic.get("spikes").get("largestShift").asDouble(), 1e-12);
        assertEquals("burst\"<&>|\\/v", root.get("columns").get(1).get("candidate").asText());
        assertEquals("exact", root.get("columns").get(1).get("tier").asText());
    }

    @Test
    void theJsonReadsBackIntoTheSameReport() throws Exception {
        ComparisonReport report = ComparisonReport.of(shiftedRun().comparison());
        Path file = Files.createTempFile("comparison", ".json");
        try {
            Files.writeString(file, JsonReport.render(shiftedRun().comparison()));
            assertEquals(report, org.lemsbridge.files.Json.read(file, ComparisonReport.class));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void spikeTrainsAreReportedForMembranePotentialsWithTheirRule() throws Exception {
        JsonNode tonic = new ObjectMapper().readTree(JsonReport.render(shiftedRun().comparison())).get("columns").get(0);
        assertEquals("upward crossings of 0 V (detected: the trace crosses 0)", tonic.get("spikes").get("rule").asText());
        assertEquals(0.0, tonic.get("spikes").get("threshold").asDouble());
    }
}
