package org.lemsbridge.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks that the jLEMS oracle fixtures agree with their manifest: every listed output exists with
 * round(length/step)+1 rows, each row has one tab-terminated field per listed column, the time
 * column is the accumulated float time, and the columns are the model's OutputColumns in order.
 */
class OracleFixturesTest {

    private static final String DIR = "/org/lemsbridge/oracle/";
    private static final String LEMS_NS = "http://www.neuroml.org/lems/0.7.6";

    @Test
    void manifestCoversEveryModelInTheFolderExceptTheSharedInclude() throws IOException {
        JsonNode manifest = manifest();
        assertEquals("oracle-base.xml", manifest.get("shared_include").asText());
        assertNotNull(OracleFixturesTest.class.getResourceAsStream(DIR + "oracle-base.xml"));
        assertEquals(17, manifest.get("models").size());
    }

    @TestFactory
    Stream<DynamicTest> everyOutputFileMatchesItsModelAndManifest() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode model : manifest().get("models")) {
            String modelFile = model.get("model").asText();
            for (JsonNode output : model.get("outputs")) {
                if (output.get("kind").asText().equals("OutputFile")) {
                    tests.add(DynamicTest.dynamicTest(output.get("file").asText(),
                            () -> checkDataFile(model, modelFile, output)));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void eventFileHoldsTheSingleSpikeOfTheSourceAtThreeMilliseconds() throws IOException {
        List<String> lines = lines("events_delay.spikes");
        assertEquals(List.of("0.003\t0"), lines);
    }

    @Test
    void idTimeEventFileListsTheTickerOnEveryStepFromTwoMilliseconds() throws IOException {
        assertEquals(List.of("7\t0.002", "7\t0.003", "7\t0.004", "7\t0.005"), lines("events_regime_weight.spikes"));
    }

    private static void checkDataFile(JsonNode model, String modelFile, JsonNode output) throws IOException {
        double step = seconds(model.get("step").asText());
        double length = seconds(model.get("length").asText());
        long expectedRows = Math.round(length / step) + 1;
        assertEquals(expectedRows, output.get("rows").asLong(), "manifest rows of " + modelFile);

        List<String> expectedQuantities = outputColumnQuantities(modelFile, output.get("file").asText());
        JsonNode columns = output.get("columns");
        assertEquals("t", columns.get(0).get("quantity").asText());
        assertEquals(expectedQuantities.size() + 1, columns.size());
        for (int i = 0; i < expectedQuantities.size(); i++) {
            assertEquals(expectedQuantities.get(i), columns.get(i + 1).get("quantity").asText());
        }

        List<String> rows = lines(output.get("file").asText());
        assertEquals(expectedRows, rows.size(), "rows in " + output.get("file").asText());
        double t = 0.0;
        for (String row : rows) {
            assertTrue(row.endsWith("\t"), "every field is tab-terminated: " + row);
            String[] fields = row.split("\t");
            assertEquals(columns.size(), fields.length, row);
            assertEquals(Float.toString((float) t), fields[0], "accumulated time column");
            t += step;
        }
    }

    /** Converts the "number unit" strings used by the oracle Simulations (s, ms) like jLEMS does. */
    private static double seconds(String value) {
        if (value.endsWith("ms")) {
            return Double.parseDouble(value.substring(0, value.length() - 2)) * Math.pow(10, -3);
        }
        if (value.endsWith("s")) {
            return Double.parseDouble(value.substring(0, value.length() - 1));
        }
        throw new IllegalArgumentException("unexpected time value " + value);
    }

    private static List<String> outputColumnQuantities(String modelFile, String dataFile) {
        Document doc = SecureXml.parse(resource(modelFile));
        NodeList files = doc.getElementsByTagNameNS(LEMS_NS, "OutputFile");
        for (int i = 0; i < files.getLength(); i++) {
            Element file = (Element) files.item(i);
            if (file.getAttribute("fileName").equals(dataFile)) {
                List<String> quantities = new ArrayList<>();
                for (Element column : SecureXml.childElements(file)) {
                    quantities.add(column.getAttribute("quantity"));
                }
                return quantities;
            }
        }
        throw new AssertionError(modelFile + " has no OutputFile " + dataFile);
    }

    private static JsonNode manifest() throws IOException {
        try (InputStream in = resource("manifest.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> lines(String name) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = OracleFixturesTest.class.getResourceAsStream(DIR + name);
        assertNotNull(in, "missing test resource " + DIR + name);
        return in;
    }
}
