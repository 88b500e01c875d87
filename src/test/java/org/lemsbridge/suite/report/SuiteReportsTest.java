package org.lemsbridge.suite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.compare.ColumnRequest;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.compare.report.ComparisonReport;
import org.lemsbridge.suite.CaseResult.Status;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SuiteReportsTest {

    @TempDir
    Path dir;

    /** Ex2's tonic v delayed by 0.2 ms, compared by a candidate column with a hostile name. */
    private static ComparisonReport shifted() {
        Path path = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz").toAbsolutePath();
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        Trace ref = TraceReader.read(path);
        double[] v = ref.valuesOf("izpopTonic[0]/v").orElseThrow();
        double[] later = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            later[i] = v[Math.max(0, i - 40)];
        }
        Trace cand = Trace.of("out/cand.dat", Column.time(), ref.time(),
                List.of(new Column("v", "v<&>|[x]", "V"), new Column("u", "izpopTonic[0]/U", "1")),
                List.of(later, ref.valuesOf("izpopTonic[0]/U").orElseThrow()));
        return ComparisonReport.of(TraceComparator.compare(ref, cand, ComparisonOptions.defaults().withColumns(
                List.of(ColumnRequest.of("izpopTonic[0]/v", "v<&>|[x]"), ColumnRequest.of("izpopTonic[0]/U", "u")))));
    }

    private static SuiteSummary summary() {
        String folder = "cases/tonic__shifted___x";
        SuiteSummary.CaseSummary compared = new SuiteSummary.CaseSummary("tonic <shifted> | x",
                SuiteSummary.Kind.COMPARISON, Status.FAIL, "fail", "tolerant", 1.5, "izhikevich-tonic.yaml",
                "../reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", folder + "/index.html",
                folder + "/thumbnail.png", List.of("a warning with <b>markup</b>"), shifted(),
                Arrays.asList(folder + "/plots/01-izpopTonic_0__v.png", null), null, false, null, false);
        SuiteSummary.CaseSummary stopped = new SuiteSummary.CaseSummary("broken", SuiteSummary.Kind.ERROR,
                Status.ERROR, "-", "exact", 0.25, "broken.yaml", "ref.dat", "cases/broken/index.html", null,
                List.of(), null, null, null, false, "broken.yaml:3:7: unknown field 'rhs2' (did you mean 'rhs'?)",
                true);
        SuiteSummary.CaseSummary omv = new SuiteSummary.CaseSummary("ex0-omv", SuiteSummary.Kind.OMV, Status.PASS,
                "omv", "exact", 0.75, "ex0/.test.omt", null, "cases/ex0-omv/index.html", null, List.of(), null, null,
                List.of(new SuiteSummary.OmvCheck("spikes", true, "spike times agree within 0.01 ms")), false, null,
                false);
        return new SuiteSummary("Suite & <friends>", "../examples/suite.yaml", new SuiteSummary.RunInfo(
                "0.1.0-SNAPSHOT", "0123456789ab", "2026-12-06T21:00:00Z", "Linux 6.1 amd64, 2 cores, Java 17", 3.25,
                2), Status.FAIL, 1, 1, 1, List.of(compared, stopped, omv), List.of());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    @Test
    void aSummaryReadBackFromItsJsonRendersTheSameReport() throws IOException {
        SuiteSummary summary = summary();
        Path first = dir.resolve("first");
        SuiteReports.write(summary, first);
        SuiteSummary read = SuiteReports.read(first.resolve("summary.json"));
        assertEquals(summary, read);
        Path second = dir.resolve("second");
        SuiteReports.write(read, second);
        assertEquals(List.of(Path.of("cases/broken/index.html"), Path.of("cases/ex0-omv/index.html"),
                Path.of("cases/tonic__shifted___x/index.html"), Path.of("index.html"), Path.of("junit.xml"),
                Path.of("report.md"), Path.of("summary.json")), files(first));
        for (Path file : files(first)) {
            assertEquals(Files.readString(first.resolve(file)), Files.readString(second.resolve(file)), file.toString());
        }
    }

    @Test
    void theIndexShowsTheRunEveryCaseAndEscapesWhatUsersWrote() throws IOException {
        SuiteReports.write(summary(), dir);
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<h1>Suite &amp; &lt;friends&gt;</h1>"), index);
        assertFalse(index.contains("<friends>") || index.contains("<shifted>"), index);
        assertTrue(index.contains("<span class=\"verdict fail\">FAIL</span><span class=\"counts\">1 passed, 1 failed,"
                + " 1 error (3 cases, 3.25 s)</span>"), index);
        for (String fact : List.of("0.1.0-SNAPSHOT (commit 0123456789ab)", "2026-12-06T21:00:00Z",
                "Linux 6.1 amd64, 2 cores, Java 17", "3.25 s, 2 cases at a time", "../examples/suite.yaml")) {
            assertTrue(index.contains("<dd>" + fact + "</dd>"), fact + "\n" + index);
        }
        assertTrue(index.contains("<a class=\"card fail\" href=\"cases/tonic__shifted___x/index.html\">"), index);
        assertTrue(index.contains("<img src=\"cases/tonic__shifted___x/thumbnail.png\""), index);
        assertTrue(index.contains("<a class=\"card error\" href=\"cases/broken/index.html\">"), index);
        assertTrue(index.contains("<div class=\"noplot\">stopped: input problem</div>"), index);
        assertTrue(index.contains("unknown field &#39;rhs2&#39;"), index);
    }

    @Test
    void everyCaseHasAPageTheErrorCaseIncluded() throws IOException {
        SuiteReports.write(summary(), dir);
        String broken = Files.readString(dir.resolve("cases/broken/index.html"));
        assertTrue(broken.contains("<div class=\"errorbox\">broken.yaml:3:7: unknown field &#39;rhs2&#39;"), broken);
        assertTrue(broken.contains("an input problem"), broken);
        assertTrue(broken.contains("<a href=\"../../index.html\">← Suite &amp; &lt;friends&gt;</a>"), broken);
        String compared = Files.readString(dir.resolve("cases/tonic__shifted___x/index.html"));
        assertTrue(compared.contains("<tr class=\"bad\"><td>izpopTonic[0]/v</td><td>v&lt;&amp;&gt;|[x]</td>"),
                compared);
        assertTrue(compared.contains("<img src=\"plots/01-izpopTonic_0__v.png\" alt=\"izpopTonic[0]/v\">"), compared);
        assertTrue(compared.contains("warning: a warning with &lt;b&gt;markup&lt;/b&gt;"), compared);
        assertTrue(compared.contains("<td>izpopTonic[0]/U</td><td>izpopTonic[0]/U</td><td>exact</td><td>dimensionless</td>"),
                compared);
        String omv = Files.readString(dir.resolve("cases/ex0-omv/index.html"));
        assertTrue(omv.contains("<td>spikes</td><td><span class=\"pill pass\">PASS</span></td>"), omv);
    }

    @Test
    void theMarkdownSummaryEscapesMarkupAndExplainsEachProblem() throws IOException {
        SuiteReports.write(summary(), dir);
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.startsWith("# Suite & \\<friends\\>\n\n**FAIL**: 1 passed, 1 failed, 1 error (3 cases, 3.25 s)"),
                md);
        assertTrue(md.contains("| [tonic \\<shifted\\> \\| x](cases/tonic\\_\\_shifted\\_\\_\\_x/index.html) | FAIL |"),
                md);
        assertTrue(md.contains("\n## tonic \\<shifted\\> \\| x: FAIL\n"), md);
        assertTrue(md.contains("\n## broken: ERROR\n\n- broken.yaml:3:7: unknown field 'rhs2' (did you mean 'rhs'?)\n"),
                md);
        assertFalse(md.contains("## ex0-omv"), md);
    }

    @Test
    void junitHasATimeOnEveryTestcaseAFailurePerFailingColumnAndAnErrorPerStoppedCase() throws Exception {
        SuiteReports.write(summary(), dir);
        SuiteReports.writeJUnit(summary(), dir.resolve("other.xml"));
        String xml = Files.readString(dir.resolve("junit.xml"));
        assertEquals(xml, Files.readString(dir.resolve("other.xml")));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("errors"));
        assertEquals("3.250", root.getAttribute("time"));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength());
        List<String> times = List.of("0.750", "0.750", "0.250", "0.750");
        for (int i = 0; i < cases.getLength(); i++) {
            assertEquals(times.get(i), ((Element) cases.item(i)).getAttribute("time"), "testcase " + i);
        }
        Element failure = (Element) ((Element) cases.item(0)).getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("izpopTonic[0]/v: not tolerant"), failure.getAttribute(
                "message"));
        assertTrue(failure.getTextContent().contains("a better tolerance to try"), failure.getTextContent());
        Element error = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertEquals("input", error.getAttribute("type"));
        assertEquals("1.500", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("time"));
    }
}
