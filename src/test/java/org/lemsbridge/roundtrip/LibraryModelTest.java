package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.IndependentEuler;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;

/**
 * A model taken from a library folder by reference, with some values overridden, simulates to exactly the bytes of
 * the same model written out in full with those values, and to the numbers of a float64 Euler of the equations with
 * those values. Libraries: this project's own {@code experiment/models} folder, and TVBO's
 * {@code database/models} under {@code ../shared/upstream} (skipped with a message when absent).
 */
class LibraryModelTest {

    private static final String RUN = "integration: {method: euler, step_size: 0.01, duration: 10.0}\n";

    @TempDir
    Path dir;

    private static Path ownModels() {
        try {
            return Path.of(LibraryModelTest.class.getResource("/org/lemsbridge/experiment/models").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelLibrary library(Path folder) {
        return ModelLibrary.at(folder, Confinement.NONE, SourceLocation.unknown("--models"));
    }

    @Test
    void aReferenceWithOverriddenValuesSimulatesAsTheModelWrittenOutWithThem() throws IOException {
        String full = TvboDatabaseTest.experiment("Relax2d", Files.readString(ownModels().resolve("Relax2d.yaml"))
                .replace("value: 0.7", "value: 0.9").replace("value: 12.5", "value: 20"), 0.01);
        byte[] written = simulate(full, ModelLibrary.NONE);
        String byIri = "dynamics:\n  iri: tvbo:Relax2d\n  parameters:\n    a: {value: 0.9}\n    tau: 20\n" + RUN;
        String keyed = "dynamics:\n  Relax2d:\n    parameters: {a: {value: 0.9}, tau: {value: 20.0}}\n" + RUN;
        assertArrayEquals(written, simulate(byIri, library(ownModels())), "iri: tvbo:Relax2d with a = 0.9, tau = 20");
        assertArrayEquals(written, simulate(keyed, library(ownModels())), "dynamics: {Relax2d: ...}, same values");
        byte[] defaults = simulate("dynamics:\n  iri: tvbo:Relax2d\n" + RUN, library(ownModels()));
        assertFalse(Arrays.equals(written, defaults), "the overrides change the numbers");

        // float64 Euler of the equations as the fixture writes them, with a = 0.9, tau = 20 (b = 0.8, I = 0.5)
        List<double[]> rows = rows(written);
        assertEquals(1001, rows.size());
        double v = -1.0;
        double w = 1.0;
        for (int k = 1; k < rows.size(); k++) {
            double dv = v - v * v * v / 3 - w + 0.5;
            double dw = (v + 0.9 - 0.8 * w) / 20.0;
            v += 0.01 * dv;
            w += 0.01 * dw;
            assertClose(v, rows.get(k)[1], "v at row " + k);
            assertClose(w, rows.get(k)[2], "w at row " + k);
        }
    }

    @Test
    void aFileThatOnlyNamesALibraryModelRunsAsTheExperimentAroundItWithTvbosDefaults() throws IOException {
        String overrides = "iri: tvbo:Relax2d\nparameters:\n  a: {value: 0.9}\n  tau: 20\n";
        String experiment = "dynamics:\n" + overrides.replaceAll("(?m)^", "  ")
                + "integration: {method: euler, step_size: 0.01220703125, duration: 1000}\n";
        byte[] alone = simulate(overrides, library(ownModels()));
        assertArrayEquals(simulate(experiment, library(ownModels())), alone,
                "the file on its own and an experiment around it with TVBO's default integration");
        assertEquals(81_921, rows(alone).size());

        assertEquals("r.yaml:3:3: parameters.tauw: the library model has no parameter 'tauw'; did you mean 'tau'?",
                message("iri: tvbo:Relax2d\nparameters:\n  tauw: 20\n", library(ownModels())));
        assertEquals("r.yaml:1:6: iri 'tvbo:Relax2' names a model of TVBO's library; set --models DIR (a TVBO"
                + " checkout's database/models)", message("iri: tvbo:Relax2\n", ModelLibrary.NONE));
    }

    /** The one line a bad document gets, its file named r.yaml. */
    private String message(String yaml, ModelLibrary library) throws IOException {
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, yaml);
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ExperimentReader.read(file, library));
        return e.oneLine().replace(file.toString(), "r.yaml");
    }

    @Test
    void anOverriddenInitialValueStartsTheStateThereWithTheLibrarysEquation() throws IOException {
        String yaml = "dynamics:\n  Relax2d:\n    state_variables:\n      v: {initial_value: 0.25}\n" + RUN;
        List<double[]> rows = rows(simulate(yaml, library(ownModels())));
        assertEquals(0.25, rows.get(0)[1]);
        assertEquals(1.0, rows.get(0)[2]);
        double v = 0.25 + 0.01 * (0.25 - 0.25 * 0.25 * 0.25 / 3 - 1.0 + 0.5);
        assertClose(v, rows.get(1)[1], "v after one step of the library's equation");
    }

    @Test
    void tvbosGeneric2dOscillatorByReferenceEqualsItsFileWrittenOutWithTheOverride() throws IOException {
        Path tvbo = TvboDatabaseTest.folder();
        Assumptions.assumeTrue(Files.isDirectory(tvbo), "skipped: " + tvbo + " is absent (TVBO's database)");
        String text = Files.readString(tvbo.resolve("Generic2dOscillator.yaml"));
        String aEntry = "\n  a:\n    name: a\n    definition: Vertical shift of the configurable nullcline\n"
                + "    value: -2.0\n";
        assertTrue(text.contains(aEntry), "TVBO's Generic2dOscillator.yaml gives a = -2.0 where expected");
        String full = TvboDatabaseTest.experiment("Generic2dOscillator",
                text.replace(aEntry, aEntry.replace("value: -2.0", "value: -1.5")), 0.01);
        byte[] written = simulate(full, ModelLibrary.NONE);
        String byIri = "label: Generic2dOscillator\ndynamics:\n  iri: tvbo:Generic2dOscillator\n"
                + "  parameters: {a: -1.5}\n" + RUN;
        byte[] referenced = simulate(byIri, library(tvbo));
        assertArrayEquals(written, referenced, "Generic2dOscillator with a = -1.5, by reference and written out");
        byte[] checkoutRoot = simulate(byIri, library(tvbo.getParent().getParent()));
        assertArrayEquals(written, checkoutRoot, "--models at the TVBO checkout's root means its database/models");

        Experiment resolved = ExperimentReader.read(write(byIri), library(tvbo));
        assertEquals(-1.5, resolved.dynamics().parameters().get("a").value());
        List<double[]> euler = new IndependentEuler(resolved).run(0.01, 1000);
        List<double[]> rows = rows(referenced);
        assertEquals(euler.size(), rows.size());
        for (int i = 0; i < 2; i++) {
            double max = 0;
            double diff = 0;
            for (int k = 0; k < rows.size(); k++) {
                max = Math.max(max, Math.abs(euler.get(k)[i]));
                diff = Math.max(diff, Math.abs(rows.get(k)[i + 1] - euler.get(k)[i]));
            }
            assertTrue(diff / max <= 1e-6, "state " + i + ": max|d| / max|ref| = " + diff / max);
        }
        byte[] defaults = simulate("label: Generic2dOscillator\ndynamics:\n  iri: tvbo:Generic2dOscillator\n" + RUN,
                library(tvbo));
        assertFalse(Arrays.equals(written, defaults), "a = -1.5 changes the numbers");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "exp", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The bytes of the one .dat the experiment writes. */
    private byte[] simulate(String yaml, ModelLibrary library) throws IOException {
        Path out = Files.createTempDirectory(dir, "out");
        ModelRunner.run(write(yaml), List.of(), SimulationOptions.writingTo(out), library);
        try (var files = Files.list(out)) {
            return Files.readAllBytes(files.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow());
        }
    }

    private static List<double[]> rows(byte[] dat) {
        List<double[]> rows = new ArrayList<>();
        for (String line : new String(dat, java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        return rows;
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = 1e-6 * Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }
}
