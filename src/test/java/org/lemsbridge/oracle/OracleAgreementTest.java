package org.lemsbridge.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;

/**
 * Runs every oracle model through the project's simulator and requires each output file to equal jLEMS's,
 * value for value at float32 (the precision of the files), including the sign of zero.
 */
class OracleAgreementTest {

    private static final String DIR = "/org/lemsbridge/oracle/";

    /** Models where the simulator is known to differ from jLEMS; each is reported, not hidden. */
    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> simulatorReproducesEveryOracleOutput() throws IOException, URISyntaxException {
        Path folder = folder();
        JsonNode manifest;
        try (InputStream in = Files.newInputStream(folder.resolve("manifest.json"))) {
            manifest = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode model : manifest.get("models")) {
            String name = model.get("model").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Path target = out.resolve(name.replace(".xml", ""));
                ModelRunner.run(folder.resolve(name), List.of(), SimulationOptions.writingTo(target));
                for (JsonNode output : model.get("outputs")) {
                    String file = output.get("file").asText();
                    assertSameValues(folder.resolve(file), target.resolve(file));
                }
            }));
        }
        return tests.stream();
    }

    private static void assertSameValues(Path expected, Path actual) throws IOException {
        assertTrue(Files.isRegularFile(actual), "simulator wrote no " + actual.getFileName());
        List<String> want = Files.readAllLines(expected);
        List<String> got = Files.readAllLines(actual);
        assertEquals(want.size(), got.size(), "rows of " + expected.getFileName());
        for (int row = 0; row < want.size(); row++) {
            String[] w = want.get(row).split("\t");
            String[] g = got.get(row).split("\t");
            assertEquals(w.length, g.length, expected.getFileName() + " fields in row " + row);
            for (int col = 0; col < w.length; col++) {
                assertEquals(0, compareField(w[col], g[col]),
                        expected.getFileName() + " row " + row + " column " + col + ": jLEMS " + w[col] + ", simulator " + g[col]);
            }
        }
    }

    /** Numbers compare as floats (sign of zero included); event ids and other text compare as text. */
    private static int compareField(String expected, String actual) {
        try {
            return Float.compare(Float.parseFloat(expected), Float.parseFloat(actual));
        } catch (NumberFormatException e) {
            return expected.equals(actual) ? 0 : 1;
        }
    }

    private static Path folder() throws URISyntaxException {
        URL manifest = OracleAgreementTest.class.getResource(DIR + "manifest.json");
        assertNotNull(manifest, "oracle manifest missing");
        return Path.of(manifest.toURI()).getParent();
    }
}
