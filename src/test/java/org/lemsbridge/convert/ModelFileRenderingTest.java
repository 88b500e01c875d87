package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.lemsbridge.experiment.ExperimentReader;

/** A model file of TVBO's database on its own renders as the experiment around it, and says what it assumed. */
class ModelFileRenderingTest {

    private static final String MODEL = "name: Oscillator\n"
            + "parameters:\n"
            + "  w: {value: 0.5, unit: ms^-1}\n"
            + "coupling_terms:\n"
            + "  c_glob: {value: 0.0}\n"
            + "state_variables:\n"
            + "  x: {equation: {rhs: w*y + c_glob}, initial_value: 1.0}\n"
            + "  y: {equation: {rhs: -w*x}, initial_value: 0.0}\n";

    @Test
    void itRendersAsTheExperimentAroundItAndSaysWhatItAssumed() {
        StringBuilder around = new StringBuilder("dynamics:\n");
        MODEL.lines().forEach(line -> around.append("  ").append(line).append('\n'));
        RenderResult alone = new ExperimentToLems().render(ExperimentReader.read(MODEL, "m.yaml", null));
        RenderResult wrapped = new ExperimentToLems().render(ExperimentReader.read(around.toString(), "e.yaml", null));
        assertEquals(wrapped.xml(), alone.xml());
        assertEquals("a TVBO model file on its own: run as one node with TVBO's default integration (euler, step"
                + " 0.01220703125 ms, 1000 ms); to choose them, write an experiment whose dynamics is this model",
                alone.warnings().get(0));
        assertEquals(wrapped.warnings(), alone.warnings().subList(1, alone.warnings().size()));
        assertEquals(1, wrapped.warnings().size(), wrapped.warnings().toString());
    }
}
