package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.IndependentEuler;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.testing.DatFiles;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.TraceReader;
import org.lemsbridge.units.UnitTable;

/**
 * Every model file of TVBO's database ({@code ../shared/upstream/tvbo/database/models}, TVBO 3ec8deb, with its
 * {@code julia/} and {@code julia/discrete/} folders) as a TVBO user writes it: the file verbatim under {@code dynamics:} of an experiment with one node and Euler at 0.01 ms for 10 ms.
 * Each renders, our simulation has exactly the bytes jLEMS 0.11.1 wrote for the same LEMS (SHA-256 pinned in
 * {@code tvbo/jlems-hashes.tsv}, made with jLEMS here), and every state equals {@link IndependentEuler} to 1e-6 of the
 * column's largest magnitude (float32 rounding of the written trace). The models that are refused are listed with
 * the reason. The maps of {@code julia/discrete/} iterate once per step (the reference iterates them too). A model
 * with units on every state (Jansen1995) is rendered with dimensions and its trace is in SI,
 * so the reference is scaled by each state's unit.
 */
class TvboDatabaseTest {
    static final double STEP = 0.01;
    static final double DURATION = 10.0;
    /**
     * Models run at another step. Halvorsen: forward Euler at {@link #STEP} diverges (x reaches -inf at step 362).
     * Antidots: a chaotic billiard whose steep walls ({@code c**4 = 0.0016} in a denominator) amplify a last-bit
     * difference of evaluation order; at 0.01 (and 0.001) the independent Euler departs from the trace by 3.3e-6
     * (6.7e-5) of max|v| in the last 200 steps while the bytes equal jLEMS's at every step; at 0.005 it stays at 7e-8
     * (measured here, and with a plain Python Euler using Python's {@code %}).
     */
    static final Map<String, Double> SMALLER_STEP = Map.of("julia/halvorsen", 0.001, "julia/antidots", 0.005);
    /**
     * Models run for fewer steps. nld_coupled_logistic_maps with TVBO's own parameters (lam 1.2, k 0.08) escapes to
     * infinity: max|x| stays below 1.7 for 32 iterations, then 1.86, 2.57, 6.3, 46.9, 2711, 9.1e6 (iteration 38, the
     * same in a plain Python float64 iteration), NaN at 44. It is checked over those 32 iterations.
     */
    static final Map<String, Double> SHORTER_DURATION = Map.of("julia/discrete/nld_coupled_logistic_maps",
            0.32);

    /**
     * Model file name -> the one-line refusal after the file name. The position is in the wrapped file: two lines
     * above the model and two spaces before each of its lines (Zerlaut's {@code erfc} is at 687:12 of its own file).
     */
    private static final Map<String, String> REFUSED = Map.of(
            "ZerlautAdaptationFirstOrder", ":689:14: function 'erfc' in the equation of derived variable 'f_out_e'"
                    + " cannot be rendered: LEMS has no erfc and none of its functions computes it exactly");

    static Path folder() {
        return SharedFolder.location().resolve("upstream/tvbo/database/models");
    }

    /** Every model file, named by its path under {@link #folder()} without {@code .yaml} ({@code julia/lorenz}). */
    static Stream<String> models() throws IOException {
        if (!Files.isDirectory(folder())) {
            return Stream.of("(absent)");
        }
        List<String> names = new ArrayList<>();
        for (String sub : List.of("", "julia/", "julia/discrete/")) {
            Path dir = folder().resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                        .forEach(n -> names.add(sub + n.substring(0, n.length() - 5)));
            }
        }
        return names.stream();
    }

    /** The experiment a TVBO user writes around a model file: the file verbatim, indented under {@code dynamics:}. */
    static String experiment(String name, String modelText) {
        return experiment(name, modelText, STEP);
    }

    static String experiment(String name, String modelText, double step) {
        return experiment(name, modelText, step, DURATION);
    }

    static String experiment(String name, String modelText, double step, double duration) {
        StringBuilder yaml = new StringBuilder("label: ").append(name).append("\ndynamics:\n");
        modelText.lines().forEach(line -> yaml.append(line.isEmpty() ? "" : "  ").append(line).append('\n'));
        yaml.append("integration: {method: euler, step_size: ").append(step).append(", duration: ").append(duration)
                .append("}\n");
        return yaml.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void rendersSimulatesAsJlemsAndEqualsAnIndependentEuler(String name, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(folder()), "skipped: " + folder() + " is absent (TVBO's database)");
        String baseName = name.substring(name.lastIndexOf('/') + 1);
        Path file = dir.resolve(baseName + ".yaml");
        double step = SMALLER_STEP.getOrDefault(name, STEP);
        double duration = SHORTER_DURATION.getOrDefault(name, DURATION);
        Files.writeString(file, experiment(baseName, Files.readString(folder().resolve(name + ".yaml")), step,
                duration));
        String refused = REFUSED.get(name);
        if (refused != null) {
            BadInputException refusal = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                    () -> new ExperimentToLems().render(ExperimentReader.read(file)));
            assertEquals(file + refused, refusal.oneLine());
            return;
        }
        Experiment experiment = ExperimentReader.read(file);
        Path out = dir.resolve("out");
        List<String> warnings = ModelRunner.run(file, List.of(), SimulationOptions.writingTo(out)).warnings();
        // rendered with dimensions (Jansen1995, units on every state), the trace is in SI; in own numbers, as written
        boolean ownNumbers = warnings.stream().anyMatch(w -> w.contains("rendered in its own numbers"));
        List<Double> toTrace = experiment.dynamics().stateVariables().values().stream()
                .map(sv -> ownNumbers || sv.unit() == null ? 1.0 : UnitTable.standard().resolve(sv.unit()).siFactor())
                .toList();
        Path dat;
        try (Stream<Path> written = Files.list(out)) {
            dat = written.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow();
        }
        String expectedHash = jlemsHashes().get(name);
        assertTrue(expectedHash != null, "no jLEMS hash recorded for " + name);
        assertEquals(expectedHash, sha256(Files.readAllBytes(dat)), name + ": bytes differ from jLEMS 0.11.1's");

        List<String> columnNames = TraceReader.read(dat).columns().stream().map(Column::name).toList();
        assertEquals(List.copyOf(experiment.dynamics().stateVariables().keySet()), columnNames,
                name + ": the columns keep the names the model file gives its states");

        List<double[]> rows = DatFiles.read(dat);
        List<double[]> euler = new IndependentEuler(experiment).run(step, (int) Math.round(duration / step));
        assertEquals(euler.size(), rows.size(), "rows");
        int states = euler.get(0).length;
        double worst = 0;
        for (int i = 0; i < states; i++) {
            double max = 0;
            double diff = 0;
            for (int k = 0; k < rows.size(); k++) {
                double reference = euler.get(k)[i] * toTrace.get(i);
                assertTrue(Double.isFinite(reference), name + ": the Euler reference is not finite at row " + k);
                max = Math.max(max, Math.abs(reference));
                diff = Math.max(diff, Math.abs(rows.get(k)[i + 1] - reference));
            }
            double relative = max == 0 ? diff : diff / max;
            worst = Math.max(worst, relative);
            assertTrue(relative <= 1e-6, name + ": state " + i + " max|d| / max|ref| = " + relative);
        }
        System.out.printf("TVBO database %s: %d states, max|d|/max|ref| = %.3g%n", name, states, worst);
    }

    private static Map<String, String> jlemsHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>();
        try (InputStream in = TvboDatabaseTest.class.getResourceAsStream("tvbo/jlems-hashes.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split("\t");
                    hashes.put(fields[0], fields[1]);
                }
            }
        }
        return hashes;
    }

    /**
     * Each model file read on its own, as a user runs {@code lemsbridge simulate database/models/NAME.yaml}, is the
     * experiment with that file verbatim under {@code dynamics:} and TVBO's default integration: the same model,
     * integration and network, the same LEMS, and the same warnings after one saying what was assumed.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void eachModelFileOnItsOwnIsTheExperimentAroundIt(String name, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(folder()), "skipped: " + folder() + " is absent (TVBO's database)");
        Path file = folder().resolve(name + ".yaml");
        Path around = dir.resolve("around.yaml");
        StringBuilder yaml = new StringBuilder("dynamics:\n");
        Files.readString(file).lines().forEach(line -> yaml.append(line.isEmpty() ? "" : "  ").append(line).append('\n'));
        Files.writeString(around, yaml.toString());
        Experiment alone = ExperimentReader.read(file);
        Experiment wrapped = ExperimentReader.read(around);
        assertTrue(alone.modelFile());
        assertEquals(wrapped.withoutLocations().dynamics(), alone.withoutLocations().dynamics());
        assertEquals(wrapped.withoutLocations().integration(), alone.withoutLocations().integration());
        assertEquals(wrapped.withoutLocations().network(), alone.withoutLocations().network());
        if (REFUSED.containsKey(name)) {
            return;
        }
        var aloneLems = new ExperimentToLems().render(alone);
        var wrappedLems = new ExperimentToLems().render(wrapped);
        assertEquals(wrappedLems.xml(), aloneLems.xml());
        assertTrue(aloneLems.warnings().get(0).startsWith("a TVBO model file on its own"), aloneLems.warnings().get(0));
        assertEquals(wrappedLems.warnings(), aloneLems.warnings().subList(1, aloneLems.warnings().size()));
    }

    static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
