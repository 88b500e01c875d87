package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.lemsbridge.testing.SharedFolder;

/** Every expression in the upstream NeuroML2 core types and LEMS examples parses, and prints back to the same tree. */
class UpstreamExpressionsTest {

    /** Element name and the attributes of it that hold an expression or a condition. */
    private static final Map<String, List<String>> EXPRESSION_ATTRIBUTES = Map.of(
            "TimeDerivative", List.of("value"),
            "DerivedVariable", List.of("value"),
            "ConditionalDerivedVariable", List.of(),
            "Case", List.of("condition", "value"),
            "StateAssignment", List.of("value"),
            "OnCondition", List.of("test"),
            "DerivedParameter", List.of("value"));

    private record Found(Path file, String element, String text) {
    }

    private static Path upstream() {
        return SharedFolder.file("upstream");
    }

    @Test
    void everyCoreTypeAndExampleExpressionParsesAndRoundTrips() throws Exception {
        Path root = upstream();
        List<Found> found = new ArrayList<>();
        for (Path dir : List.of(root.resolve("NeuroML2/NeuroML2CoreTypes"), root.resolve("LEMS/examples"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    collect(f, found);
                }
            }
        }
        Assumptions.assumeTrue(found.size() > 100, "too few upstream expressions found");
        List<String> failures = new ArrayList<>();
        for (Found f : found) {
            try {
                Expr e = LemsParser.parse(f.text());
                Expr again = LemsParser.parse(LemsPrinter.print(e));
                if (!again.equals(e)) {
                    failures.add(f.file().getFileName() + " " + f.element() + ": round trip changed '" + f.text() + "'");
                }
            } catch (ExprSyntaxException ex) {
                failures.add(f.file().getFileName() + " " + f.element() + ": '" + f.text() + "' col " + ex.column()
                        + ": " + ex.getMessage());
            }
        }
        assertEquals(List.of(), failures, "parsed " + found.size() + " expressions");
        assertTrue(found.size() > 500, "expected several hundred expressions, found " + found.size());
    }

    private static void collect(Path file, List<Found> out) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            var doc = builder.parse(file.toFile());
            for (var entry : EXPRESSION_ATTRIBUTES.entrySet()) {
                NodeList nodes = doc.getElementsByTagName(entry.getKey());
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element el = (Element) nodes.item(i);
                    for (String attribute : entry.getValue()) {
                        if (el.hasAttribute(attribute)) {
                            out.add(new Found(file, entry.getKey(), el.getAttribute(attribute)));
                        }
                    }
                }
            }
        } catch (org.xml.sax.SAXException | javax.xml.parsers.ParserConfigurationException ex) {
            // not well-formed XML (a few upstream fragments): nothing to collect
        }
    }
}
