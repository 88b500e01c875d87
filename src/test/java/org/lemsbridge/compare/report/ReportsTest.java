package org.lemsbridge.compare.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

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
    void junitXmlHasOneTestcasePerColumnAndAFailureForTheShiftedOne() throws Exception {
        Comparison c = shiftedRun().comparison();
        String xml = JUnitXmlReport.render("Ex2 <shifted>", c);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("Ex2 <shifted>", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        Element tonic = (Element) cases.item(0);
        assertEquals("izpopTonic[0]/v", tonic.getAttribute("name"));
        Element failure = (Element) tonic.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("not tolerant"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("a better tolerance to try"), failure.getTextContent());
        assertEquals(0, ((Element) cases.item(1)).getElementsByTagName("failure").getLength());
    }

    @Test
    void markdownAndHtmlEscapeWhatTheyPrint() {
        Comparison c = shiftedRun().comparison();
        String md = MarkdownReport.render("Ex2 | shifted", c, Arrays.asList("tonic v.png", null));
        assertTrue(md.startsWith("# Ex2 \\| shifted\n"), md);
        assertTrue(md.contains("| izpopTonic\\[0\\]/v | fail |"), md);
        assertTrue(md.contains("![izpopTonic\\[0\\]/v](tonic%20v.png)"), md);
        String html = HtmlReport.render("Ex2 <shifted>", c, List.of());
        assertTrue(html.contains("<title>Ex2 &lt;shifted&gt;</title>"), html);
        assertTrue(html.contains("cand &quot;x&quot;"), html);
        assertTrue(html.contains("<tr class=\"bad\"><td>izpopTonic[0]/v</td><td>fail</td>"), html);
        assertFalse(html.contains("b|<&>"));
    }
}
