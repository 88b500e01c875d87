package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.experiment.ExperimentReader;

/** Which experiments the NeuroML renderer recognises as a core cell with its input. */
class NeuroMlRecognizerTest {
    private static final Path RESOURCES = Path.of("src/test/resources/org/lemsbridge/convert/import");

    @Test
    void recognitionIgnoresNamesAndTermOrderButNotStructure() {
        NeuroMlRecognizer.Recognition renamed = NeuroMlRecognizer.recognize(
                ExperimentReader.read(RESOURCES.resolve("class1-ramp.yaml")));
        assertTrue(renamed.cell().isPresent(), renamed.reasons().toString());
        NeuroMlRecognizer.CoreCell cell = renamed.cell().get();
        assertEquals(Map.of("v0", "-60.0mV", "thresh", "30.0mV", "a", "0.02", "b", "-0.1", "c", "-55.0", "d", "6.0"),
                cell.attributes());
        assertEquals("rampGeneratorDL", cell.input().tag());
        assertEquals(Map.of("delay", "30.0ms", "duration", "170.0ms", "startAmplitude", "-32.0", "finishAmplitude",
                "50.0", "baselineAmplitude", "-32.0"), cell.input().attributes());
        assertEquals(Map.of("V", "v", "u", "U"), cell.recordedStates());
    }
}
