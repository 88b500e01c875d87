package org.lemsbridge.suite.report;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.lemsbridge.compare.report.ComparisonReport;
import org.lemsbridge.compare.report.FailureText;

/**
 * A suite's JUnit XML for CI, from its summary: one {@code testsuite} per case with the case's time, one
 * {@code testcase} per compared column (per OMV check; {@code (run)} for a case without a reference and for a case
 * stopped by an error), each with a
 * {@code time} (the case's time shared out evenly over its test cases), and a {@code failure} (reasons, metrics,
 * tolerances, a better tolerance to try) or an {@code error} where the case did not pass.
 */
final class JUnitXml {

    private JUnitXml() {
    }

    static String render(SuiteSummary summary) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", ReportViews.title(summary));
            int tests = 0;
            int failures = 0;
            for (SuiteSummary.CaseSummary c : summary.cases()) {
                tests += testcases(c).size();
                failures += (int) testcases(c).stream().filter(t -> t.failure() != null).count();
            }
            xml.writeAttribute("tests", Integer.toString(tests));
            xml.writeAttribute("failures", Integer.toString(failures));
            xml.writeAttribute("errors", Integer.toString(summary.errors()));
            xml.writeAttribute("time", time(summary.run().seconds()));
            xml.writeAttribute("timestamp", summary.run().startedAt());
            xml.writeCharacters("\n");
            for (SuiteSummary.CaseSummary c : summary.cases()) {
                suite(xml, c, summary.run().startedAt());
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

    /** One {@code testcase}: its name and, when it did not pass, the failure's message and body. */
    private record TestCase(String name, String failure, String detail) {
    }

    private static List<TestCase> testcases(SuiteSummary.CaseSummary c) {
        return switch (c.kind()) {
            case COMPARISON -> comparisonCases(c.comparison());
            case OMV -> c.dryRun() && c.omv().isEmpty() ? List.of(new TestCase("(dry run)", null, ""))
                    : c.omv().stream().map(check -> new TestCase(check.experiment(),
                    check.passed() ? null : check.message(), "")).toList();
            case RUN, ERROR -> List.of(new TestCase("(run)", null, ""));
        };
    }

    private static List<TestCase> comparisonCases(ComparisonReport comparison) {
        if (comparison.columns().isEmpty()) {
            return List.of(new TestCase("(no columns)", comparison.verdict().passed() ? null
                    : String.join("; ", comparison.verdict().reasons()), ""));
        }
        return comparison.columns().stream().map(column -> column.passed()
                ? new TestCase(column.quantity(), null, "")
                : new TestCase(column.quantity(), String.join("; ", column.reasons()),
                        FailureText.detail(comparison, column))).toList();
    }

    private static void suite(XMLStreamWriter xml, SuiteSummary.CaseSummary c, String timestamp)
            throws XMLStreamException {
        List<TestCase> cases = testcases(c);
        boolean error = c.kind() == SuiteSummary.Kind.ERROR;
        xml.writeCharacters("  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", c.name());
        xml.writeAttribute("tests", Integer.toString(cases.size()));
        xml.writeAttribute("failures", Long.toString(cases.stream().filter(t -> t.failure() != null).count()));
        xml.writeAttribute("errors", error ? "1" : "0");
        xml.writeAttribute("time", time(c.seconds()));
        xml.writeAttribute("timestamp", timestamp);
        xml.writeCharacters("\n");
        String each = time(c.seconds() / cases.size());
        for (TestCase test : cases) {
            xml.writeCharacters("    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", c.name());
            xml.writeAttribute("name", test.name());
            xml.writeAttribute("time", each);
            if (test.failure() != null) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                xml.writeAttribute("message", test.failure());
                xml.writeAttribute("type", "comparison");
                xml.writeCharacters(test.detail());
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            } else if (error) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("error");
                xml.writeAttribute("message", c.error());
                xml.writeAttribute("type", c.badInput() ? "input" : "internal");
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeCharacters("  ");
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
