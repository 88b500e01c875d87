package org.lemsbridge.compare.report;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lemsbridge.compare.ColumnComparison;
import org.lemsbridge.compare.Comparison;


/**
 * JUnit XML for CI: one {@code testsuite} per comparison, one {@code testcase} per compared column, a
 * {@code failure} (with the reasons and the suggested tolerance) for each column below the required tier.
 */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    /** A single comparison as a {@code testsuites} document. */
    public static String render(String name, Comparison comparison) {
        return render(Map.of(name, comparison));
    }

    /** Several named comparisons (say, the cases of a suite), in the map's iteration order. */
    public static String render(Map<String, Comparison> comparisons) {
        return render(comparisons, Map.of());
    }

    /**
     * Named comparisons plus named cases that ended in an error before anything could be compared (one
     * {@code testsuite} with an {@code error} element each, after the comparisons).
     */
    public static String render(Map<String, Comparison> comparisons, Map<String, String> errors) {
        return render(comparisons, errors, Map.of());
    }

    /**
     * As above, plus named suites of simple checks (say, OMV spike-time tests): each check's value is its failure
     * message, or null when it passed.
     */
    public static String render(Map<String, Comparison> comparisons, Map<String, String> errors,
            Map<String, Map<String, String>> checks) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            int tests = 0;
            int failures = 0;
            for (Comparison c : comparisons.values()) {
                tests += Math.max(1, c.columns().size());
                failures += failures(c);
            }
            for (Map<String, String> suiteChecks : checks.values()) {
                tests += suiteChecks.size();
                failures += (int) suiteChecks.values().stream().filter(message -> message != null).count();
            }
            xml.writeAttribute("tests", Integer.toString(tests + errors.size()));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(errors.size()));
            xml.writeCharacters("\n");
            for (Map.Entry<String, Comparison> entry : comparisons.entrySet()) {
                suite(xml, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, Map<String, String>> entry : checks.entrySet()) {
                checkSuite(xml, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, String> entry : errors.entrySet()) {
                errorSuite(xml, entry.getKey(), entry.getValue());
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return text.toString();
    }

    private static int failures(Comparison c) {
        if (c.columns().isEmpty()) {
            return c.passed() ? 0 : 1;
        }
        int count = 0;
        for (ColumnComparison column : c.columns()) {
            if (!column.tier().satisfies(c.verdict().required())) {
                count++;
            }
        }
        return count;
    }

    private static void suite(XMLStreamWriter xml, String name, Comparison c) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(Math.max(1, c.columns().size())));
        xml.writeAttribute("failures", Integer.toString(failures(c)));
        xml.writeAttribute("errors", "0");
        xml.writeCharacters("\n");
        if (c.columns().isEmpty()) {
            testcase(xml, name, "(no columns)", String.join("; ", c.verdict().reasons()), "");
        }
        for (ColumnComparison column : c.columns()) {
            boolean ok = column.tier().satisfies(c.verdict().required());
            String message = ok ? null : String.join("; ", column.reasonsAgainst(c.verdict().required()));
            String detail = ok ? "" : FailureText.detail(c, column);
            testcase(xml, name, column.quantity(), message, detail);
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void checkSuite(XMLStreamWriter xml, String name, Map<String, String> checks)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(checks.size()));
        xml.writeAttribute("failures", Long.toString(checks.values().stream().filter(m -> m != null).count()));
        xml.writeAttribute("errors", "0");
        xml.writeCharacters("\n");
        for (Map.Entry<String, String> check : checks.entrySet()) {
            testcase(xml, name, check.getKey(), check.getValue(), "");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void errorSuite(XMLStreamWriter xml, String name, String error) throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", "1");
        xml.writeAttribute("failures", "0");
        xml.writeAttribute("errors", "1");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", name);
        xml.writeAttribute("name", "(run)");
        xml.writeCharacters("\n      ");
        xml.writeStartElement("error");
        xml.writeAttribute("message", error);
        xml.writeAttribute("type", "error");
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void testcase(XMLStreamWriter xml, String className, String name, String failure, String detail)
            throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        if (failure != null) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", failure);
            xml.writeAttribute("type", "comparison");
            xml.writeCharacters(detail);
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }
}
