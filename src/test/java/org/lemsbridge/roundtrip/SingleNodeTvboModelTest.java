package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.RenderResult;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.compare.ColumnMatcher;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.testing.DatFiles;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * TVBO's model files as its users write them, one node: coupling inputs are 0, boundaries clip the state after every
 * step as TVB does, and units that only annotate leave the numbers as written. Each trace is checked against a float64
 * forward Euler written out here (jLEMS's rule: the rate reads the previous state and the new time).
 */
class SingleNodeTvboModelTest {

    @TempDir
    Path dir;

    @Test
    void boundariesClipTheStateAfterEveryStepAndADomainAloneDoesNot() throws IOException {
        String yaml = """
                dynamics:
                  name: Drift
                  parameters: {k: {value: 2.0}}
                  state_variables:
                    r:
                      equation: {rhs: "-k"}
                      initial_value: 0.05
                      domain: {lo: -1.0, hi: 1.0}
                      boundaries: {lo: 0.0, hi: .inf}
                    s:
                      equation: {rhs: "k"}
                      initial_value: 0.9
                      boundaries: {lo: -.inf, hi: 1.0}
                    u:
                      equation: {rhs: "-k"}
                      initial_value: 0.05
                      domain: {lo: 0.0, hi: 1.0}
                integration: {method: euler, step_size: 0.01, duration: 0.1, time_scale: ms}
                """;
        List<double[]> rows = simulate(yaml, "Drift.dat");
        assertEquals(11, rows.size());
        double r = 0.05;
        double s = 0.9;
        double u = 0.05;
        for (int k = 1; k < rows.size(); k++) {
            r = Math.max(0.0, r + 0.01 * -2.0);
            s = Math.min(1.0, s + 0.01 * 2.0);
            u = u + 0.01 * -2.0;
            assertClose(r, rows.get(k)[1], "r at row " + k);
            assertClose(s, rows.get(k)[2], "s at row " + k);
            assertClose(u, rows.get(k)[3], "u at row " + k);
        }
        assertEquals(0.0, rows.get(3)[1], "the lower bound binds from the third step on");
        assertEquals(1.0, rows.get(5)[2], "the upper bound binds from the fifth step on");
        assertTrue(rows.get(10)[3] < -0.1, "a domain without enforce: clamp only describes");
    }

    @Test
    void couplingInputsOfBothTvboFormsAreZeroParametersNamedInANote() throws IOException {
        String old = """
                dynamics:
                  name: Leak
                  parameters: {tau: {value: 4.0}}
                  coupling_terms:
                    c_pop0: {name: c_pop0}
                  state_variables:
                    x:
                      equation: {rhs: "(-x + c_pop0 + local_coupling*x)/tau"}
                      initial_value: 1.0
                integration: {method: euler, step_size: 0.1, duration: 2.0}
                """;
        String newer = old.replace("coupling_terms:\n    c_pop0: {name: c_pop0}",
                "coupling_inputs:\n    c_pop0: {name: c_pop0, dimension: 1}");
        assertTrue(newer.contains("coupling_inputs"));
        for (String yaml : List.of(old, newer)) {
            Path file = write(yaml);
            RenderResult rendered = new ExperimentToLems().render(ExperimentReader.read(file));
            assertTrue(rendered.xml().contains("c_pop0=\"0.0\""), rendered.xml());
            assertTrue(rendered.xml().contains("local_coupling=\"0.0\""), rendered.xml());
            assertEquals(List.of("coupling inputs c_pop0, local_coupling are 0 in a single node without a network;"
                    + " rendered as parameters of value 0, which may be overridden"), rendered.warnings());
            List<double[]> rows = simulate(yaml, "Leak.dat");
            assertEuler(rows, 1.0, 0.1, (x, t) -> -x / 4.0, "x");
            assertEquals(21, rows.size());
        }
    }

    @Test
    void partialUnitsAnnotateAndTheModelRunsInItsOwnNumbers() throws IOException {
        // JansenRit's pattern: a rate in ms^-1, a gain in Millivolt, a count without unit; t inside cos is in ms.
        String yaml = """
                dynamics:
                  name: Annotated
                  parameters:
                    a: {value: 0.1, unit: ms^-1}
                    A: {value: 3.25, unit: Millivolt}
                    J: {value: 2.0}
                    omega: {value: 0.5, unit: rad/ms}
                  state_variables:
                    y:
                      equation: {rhs: "A*a*J*cos(omega*t) - a*y"}
                      initial_value: 0.1
                integration: {method: euler, step_size: 0.05, duration: 5.0, time_scale: ms}
                """;
        RenderResult rendered = new ExperimentToLems().render(ExperimentReader.read(write(yaml)));
        assertEquals("units are given on some symbols only and do not fit together as dimensions, so they annotate:"
                + " the model is rendered in its own numbers, as TVBO evaluates it (every quantity as written,"
                + " t and every rate in ms)", rendered.warnings().get(0));
        List<double[]> rows = simulate(yaml, "Annotated.dat");
        assertEuler(rows, 0.1, 0.05, (y, t) -> 3.25 * 0.1 * 2.0 * Math.cos(0.5 * t) - 0.1 * y, "y");
        assertEquals(101, rows.size());
    }

    @Test
    void aStateNamedLikeALemsReservedNameKeepsItsNameAsColumnAndIsFoundByIt() throws IOException {
        String yaml = """
                dynamics:
                  name: Pair
                  parameters: {a: {value: 0.5}}
                  state_variables:
                    E:
                      equation: {rhs: "-a*E + I"}
                      initial_value: 1.0
                    I:
                      equation: {rhs: "-E"}
                      initial_value: 0.0
                  derived_variables:
                    sin: {equation: {rhs: "2*E"}}
                  output: [sin]
                integration: {method: euler, step_size: 0.01, duration: 0.5, time_scale: ms}
                """;
        Path out = Files.createTempDirectory(dir, "out");
        ModelRunner.run(write(yaml), List.of(), SimulationOptions.writingTo(out));
        Trace trace = TraceReader.read(out.resolve("Pair.dat"));
        assertEquals(List.of("E", "I", "sin"), trace.columns().stream().map(Column::name).toList());
        assertEquals(List.of("E_sv", "I", "sin_dv"), trace.columns().stream().map(Column::quantity).toList(),
                "jLEMS records a quantity by its LEMS variable, so the quantity keeps the LEMS name");
        int e = ColumnMatcher.find(trace.layout(), "E", "candidate", w -> { }).orElseThrow();
        int twiceE = ColumnMatcher.find(trace.layout(), "sin", "candidate", w -> { }).orElseThrow();
        double valueE = 1.0;
        double valueI = 0.0;
        for (int k = 1; k < trace.rows(); k++) {
            double rateE = -0.5 * valueE + valueI;
            double rateI = -valueE;
            // jLEMS evaluates derived variables before the step's update, so row k holds 2E of row k - 1
            assertClose(2 * valueE, trace.value(twiceE, k), "sin (= 2E) at row " + k);
            valueE += 0.01 * rateE;
            valueI += 0.01 * rateI;
            assertClose(valueE, trace.value(e, k), "E at row " + k);
        }
        assertEquals(51, trace.rows());
    }

    /** Column 1, row by row, is forward Euler of y' = rate(y, t) from {@code initial}, t at the step's end. */
    private static void assertEuler(List<double[]> rows, double initial, double step, DoubleBinaryOperator rate,
            String name) {
        double y = initial;
        double t = 0.0;
        for (int k = 1; k < rows.size(); k++) {
            t += step;
            y = y + step * rate.applyAsDouble(y, t);
            assertClose(y, rows.get(k)[1], name + " at row " + k);
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-6 * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "model", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<double[]> simulate(String yaml, String datFile) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        ModelRunner.run(write(yaml), List.of(), SimulationOptions.writingTo(out));
        return DatFiles.read(out.resolve(datFile));
    }
}
