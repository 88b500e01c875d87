package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;

/**
 * A map ({@code system_type: discrete}) is iterated, x <- f(x) once per step: checked against a plain float64
 * iteration written here and against the bytes jLEMS 0.11.1 wrote for the same rendered LEMS (SHA-256 made with
 * {@code lemsbridge render FILE -o FILE.xml} and {@code jlems FILE.xml -nogui}). Its piecewise equation written as
 * TVBO's {@code conditionals} is read, reported at the user's own lines, and written back as written.
 */
class MapRenderingTest {

    private static final String CLAMPED_JLEMS_SHA256 = "1eb277f39f3aa26f55191f1a425bb7fe6c2d5c01e0e395bd6f7f7630b24159c9";
    private static final String TENT_JLEMS_SHA256 = "ba824a32c8a1a352a46616cd81e6277cc995cdb241ea4ad6e54152ec54f045df";

    private static Path fixture(String name) {
        try {
            return Path.of(MapRenderingTest.class.getResource("maps/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClampedMapIsClippedAfterEveryIterationAsJlemsDoes(@TempDir Path out) throws Exception {
        double r = 3.9;
        DoubleUnaryOperator clippedLogistic = x -> Math.min(Math.max(r * x * (1 - x), 0.1), 0.9);
        List<Double> reference = iterate(0.2, clippedLogistic, 100);
        long binding = reference.stream().filter(x -> x == 0.9).count();
        assertTrue(binding > 10, "the upper bound binds in " + binding + " of 100 iterations");
        assertMatches(fixture("clamped-logistic.yaml"), out, reference, CLAMPED_JLEMS_SHA256);
    }

    @Test
    void conditionalsAreTriedInOrderEachIteration(@TempDir Path out) throws Exception {
        double mu = 1.9;
        List<Double> reference = iterate(0.3, x -> x < 0.5 ? mu * x : mu * (1 - x), 200);
        assertMatches(fixture("tent.yaml"), out, reference, TENT_JLEMS_SHA256);
    }

    @Test
    void aMapEquationWrittenAsConditionalsIsWrittenBackAsWritten() {
        Experiment read = ExperimentReader.read(fixture("tent.yaml"));
        String written = ExperimentWriter.write(read);
        assertTrue(written.contains("system_type: discrete"), written);
        assertTrue(written.contains("""
                        conditionals:
                        - condition: x < 0.5
                          expression: mu*x
                        - condition: x >= 0.5
                          expression: mu*(1 - x)
                """), written);
        assertFalse(written.contains("rhs") || written.contains("Piecewise"), written);
        Experiment again = ExperimentReader.read(written, "again.yaml", null);
        assertEquals(read.withoutLocations(), again.withoutLocations());
        assertEquals(written, ExperimentWriter.write(again));
    }

    @Test
    void aMisspeltSymbolInAConditionIsReportedAtItsOwnLineAndColumn(@TempDir Path dir) throws IOException {
        assertEquals(":12:24: unknown symbol 'xx' in the equation of state variable 'x'; did you mean 'x'?",
                renderErrorAfter(dir, "- condition: x < 0.5", "- condition: xx < 0.5"));
        assertEquals(":14:25: unknown symbol 'xx' in the equation of state variable 'x'; did you mean 'x'?",
                renderErrorAfter(dir, "- condition: 'x >= 0.5'", "- condition: 'xx >= 0.5'"));
        assertEquals(":15:33: unknown symbol 'xx' in the equation of state variable 'x'; did you mean 'x'?",
                renderErrorAfter(dir, "expression: mu*(1 - x)", "expression: mu*(1 - xx)"));
    }

    @Test
    void aSyntaxErrorInAConditionalIsReportedInsideIt(@TempDir Path dir) throws IOException {
        String error = renderErrorAfter(dir, "expression: mu*x", "expression: mu*)x");
        assertTrue(error.startsWith(":13:28: "), error);
    }

    @Test
    void anEquationWithBothRhsAndConditionalsIsRefused(@TempDir Path dir) throws IOException {
        Path file = edited(dir, "        lhs: x_next", "        lhs: x_next\n        rhs: mu*x");
        BadInputException e = assertThrows(BadInputException.class, () -> ExperimentReader.read(file));
        assertEquals(file + ":12:9: dynamics.state_variables.x.equation.conditionals: an equation gives either rhs"
                + " or conditionals, not both", e.oneLine());
    }

    @Test
    void aConditionalWithoutItsExpressionOrAMisspeltFieldIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Path missing = edited(dir, "            expression: mu*x\n", "");
        assertEquals(missing + ":12:13: dynamics.state_variables.x.equation.conditionals[0] needs both a condition"
                + " and an expression", assertThrows(BadInputException.class,
                        () -> ExperimentReader.read(missing)).oneLine());
        Path misspelt = edited(dir, "            expression: mu*x", "            expresion: mu*x");
        assertEquals(misspelt + ":13:13: unknown field 'expresion' in"
                + " dynamics.state_variables.x.equation.conditionals[0]; did you mean 'expression'?",
                assertThrows(BadInputException.class, () -> ExperimentReader.read(misspelt)).oneLine());
    }

    @Test
    void anEventInAMapIsRefusedAtTheEvent(@TempDir Path dir) throws IOException {
        Path file = edited(dir, "  state_variables:",
                "  events:\n    reset: {condition: x > 0.8, affect: x = 0.1}\n  state_variables:");
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ExperimentToLems().render(ExperimentReader.read(file)));
        assertEquals(file + ":8:12: event 'reset' cannot be honoured in a map (system_type: discrete): an event"
                + " between iterations has no defined meaning", e.oneLine());
    }

    @Test
    void timeInAMapIsRefusedWhereItIsWritten(@TempDir Path dir) throws IOException {
        assertEquals(":13:30: 't' in the equation of state variable 'x' cannot be honoured in a map"
                + " (system_type: discrete): its iteration number is not LEMS time",
                renderErrorAfter(dir, "expression: mu*x", "expression: mu*x*t"));
    }

    /** The values {@code x0, f(x0), f(f(x0)), ...}: {@code iterations + 1} of them. */
    private static List<Double> iterate(double x0, DoubleUnaryOperator f, int iterations) {
        List<Double> values = new ArrayList<>(List.of(x0));
        double x = x0;
        for (int i = 0; i < iterations; i++) {
            x = f.applyAsDouble(x);
            values.add(x);
        }
        return values;
    }

    /** Our simulation of {@code yaml} has jLEMS's bytes and equals {@code reference} to float32 rounding. */
    private static void assertMatches(Path yaml, Path out, List<Double> reference, String jlemsSha256)
            throws Exception {
        ModelRunner.run(yaml, List.of(), SimulationOptions.writingTo(out));
        Path dat;
        try (Stream<Path> written = Files.list(out)) {
            dat = written.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow();
        }
        assertEquals(jlemsSha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(dat))), "bytes differ from jLEMS 0.11.1's");
        List<String> rows = Files.readAllLines(dat);
        assertEquals(reference.size(), rows.size(), "one row per iteration and the start");
        for (int k = 0; k < rows.size(); k++) {
            double traced = Double.parseDouble(rows.get(k).trim().split("\t")[1]);
            double expected = reference.get(k);
            assertTrue(Math.abs(traced - expected) <= 1e-6 * Math.abs(expected),
                    "row " + k + ": " + traced + " vs " + expected);
        }
    }

    private static Path edited(Path dir, String from, String to) throws IOException {
        String text = Files.readString(fixture("tent.yaml"));
        assertTrue(text.contains(from), from);
        Path file = dir.resolve("edited.yaml");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /** The one-line render error of tent.yaml with {@code from} replaced, after the file name. */
    private static String renderErrorAfter(Path dir, String from, String to) throws IOException {
        Path file = edited(dir, from, to);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new ExperimentToLems().render(ExperimentReader.read(file)));
        String line = e.oneLine();
        assertTrue(line.startsWith(file.toString()), line);
        return line.substring(file.toString().length()).replaceFirst("; define it as .*$", "");
    }
}
