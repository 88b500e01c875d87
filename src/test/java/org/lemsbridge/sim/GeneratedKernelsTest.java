package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The generated kernels must write exactly what the lambda trees write: every jLEMS oracle model of the project
 * (src/test/resources/org/lemsbridge/oracle, outputs written by jLEMS 0.11.1) is run in both modes and every field
 * compared as text (so the sign of zero counts too).
 */
class GeneratedKernelsTest {

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> generatedKernelsWriteTheSameFilesAsJlems() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource("/org/lemsbridge/oracle/manifest.json").toURI()).getParent();
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode model : manifest.get("models")) {
            String name = model.get("model").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                for (SimulationOptions.Execution mode : List.of(SimulationOptions.Execution.INTERPRETED,
                        SimulationOptions.Execution.COMPILED)) {
                    Path target = out.resolve(name + "-" + mode);
                    Simulator.build(LemsReader.read(folder.resolve(name), List.of()),
                            SimulationOptions.writingTo(target).withExecution(mode)).run();
                    for (JsonNode output : model.get("outputs")) {
                        String file = output.get("file").asText();
                        List<String> jlems = Files.readAllLines(folder.resolve(file));
                        List<String> ours = Files.readAllLines(target.resolve(file));
                        assertEquals(jlems.size(), ours.size(), file + " rows (" + mode + ")");
                        for (int row = 0; row < jlems.size(); row++) {
                            assertTrue(sameFields(jlems.get(row), ours.get(row)),
                                    file + " row " + row + " (" + mode + "): jLEMS " + jlems.get(row) + " ours "
                                            + ours.get(row));
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    /** Field by field; numbers compare as floats bit for bit, anything else as text. */
    private static boolean sameFields(String expected, String actual) {
        String[] e = expected.split("\t");
        String[] a = actual.split("\t");
        if (e.length != a.length) {
            return false;
        }
        for (int i = 0; i < e.length; i++) {
            if (e[i].equals(a[i])) {
                continue;
            }
            try {
                if (Float.floatToIntBits(Float.parseFloat(e[i])) != Float.floatToIntBits(Float.parseFloat(a[i]))) {
                    return false;
                }
            } catch (NumberFormatException notNumbers) {
                return false;
            }
        }
        return true;
    }
}
