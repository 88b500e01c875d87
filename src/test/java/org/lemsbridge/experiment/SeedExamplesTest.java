package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.lemsbridge.testing.SharedFolder;

class SeedExamplesTest {

    private static Path seed(String name) {
        return SharedFolder.file("docs/seed-examples/" + name);
    }

    @Test
    void tonicSeedReadsWithExactValues() {
        Experiment e = ExperimentReader.read(seed("izhikevich-tonic.yaml"));
        assertEquals("NeuroML Ex2: Izhikevich (tonic)", e.label());
        Dynamics d = e.dynamics();
        assertEquals("IzhikevichCell", d.name());
        assertEquals(List.of("a", "b", "c", "d", "thresh", "I_amp", "pulse_delay", "pulse_duration"),
                List.copyOf(d.parameters().keySet()));
        assertEquals(0.02, d.parameters().get("a").value());
        assertEquals(0.2, d.parameters().get("b").value());
        assertEquals(-65.0, d.parameters().get("c").value());
        assertEquals(6.0, d.parameters().get("d").value());
        assertEquals(30.0, d.parameters().get("thresh").value());
        assertEquals(14.0, d.parameters().get("I_amp").value());
        assertNull(d.parameters().get("a").unit());
        assertEquals(20.0, d.parameters().get("pulse_delay").value());
        assertEquals("ms", d.parameters().get("pulse_delay").unit());
        assertEquals(2000.0, d.parameters().get("pulse_duration").value());

        DerivedVariable input = d.derivedVariables().get("I_ext");
        assertEquals("Piecewise((I_amp, (t >= pulse_delay) & (t < pulse_delay + pulse_duration)), (0.0, True))",
                input.equation().rhs());
        assertEquals(16, input.equation().rhsLocation().line());
        assertEquals(14, input.equation().rhsLocation().column());
        assertFalse(input.conditional());

        StateVariable v = d.stateVariables().get("v");
        assertEquals("0.04*v**2 + 5*v + 140 - U + I_ext", v.equation().rhs());
        assertEquals(-70.0, v.initialValue());
        assertTrue(v.initialValueGiven());
        assertTrue(v.variableOfInterest());
        StateVariable u = d.stateVariables().get("U");
        assertEquals("a*(b*v - U)", u.equation().rhs());
        assertEquals(-14.0, u.initialValue());
        assertEquals(List.of("v", "U"), List.copyOf(d.stateVariables().keySet()));

        Event spike = d.events().get("spike");
        assertEquals("v > thresh", spike.condition().rhs());
        assertEquals("v = c; U = U + d", spike.affect().rhs());
        assertNull(spike.eventType());

        assertEquals(1, e.network().numberOfNodes());
        Integration i = e.integration();
        assertEquals("euler", i.method());
        assertEquals(0.005, i.stepSize());
        assertEquals(200.0, i.duration());
        assertEquals("ms", i.timeScale());
        assertEquals(0.0, i.transientTime());
        assertTrue(e.extras().isEmpty());
        assertTrue(d.extras().isEmpty());
    }

    @Test
    void burstSeedReadsWithExactValues() {
        Experiment e = ExperimentReader.read(seed("izhikevich-burst.yaml"));
        Dynamics d = e.dynamics();
        assertEquals("IzhikevichBurst", d.name());
        assertEquals(-50.0, d.parameters().get("c").value());
        assertEquals(2.0, d.parameters().get("d").value());
        assertEquals(15.0, d.parameters().get("I_amp").value());
        assertEquals(22.0, d.parameters().get("pulse_delay").value());
        assertEquals(0.005, e.integration().stepSize());
        assertEquals(200.0, e.integration().duration());
    }

    @Test
    void seedsSurviveWriteAndReadBack() {
        for (String name : List.of("izhikevich-tonic.yaml", "izhikevich-burst.yaml")) {
            Experiment first = ExperimentReader.read(seed(name));
            String text = ExperimentWriter.write(first);
            Experiment second = ExperimentReader.read(text, "written.yaml", null);
            assertEquals(first.withoutLocations(), second.withoutLocations(), text);
            assertEquals(text, ExperimentWriter.write(second));
        }
    }
}
