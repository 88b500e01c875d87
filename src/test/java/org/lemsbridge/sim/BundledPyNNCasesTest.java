package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.testing.DatFiles;

/**
 * The PyNN cell, synapse and spike-source types on the project's bundled {@code PyNN.xml}: no NeuroML2CoreTypes folder
 * on the search path.
 * <ul>
 * <li>Upstream Ex14_PyNN and Ex23_Spiketimes must write exactly jLEMS 0.11.1's bytes (the SHA-256 and row counts that
 * {@code upstream/jlems-hashes.tsv} pins for {@link UpstreamExamplesTest}); only the upstream {@code examples} folder
 * is searched, for the {@code .nml} they include.</li>
 * <li>Our {@code pynn_variants.xml} (every PyNN type, recording adaptation, gating, synaptic and Poisson-source
 * variables and spikes that Ex14 does not write) must write the same files on the bundled types as on NeuroML's own.</li>
 * </ul>
 * Skipped when the shared folder ({@link SharedFolder}) is absent.
 */
class BundledPyNNCasesTest {

    /** Types that must come from the bundle, not from any file on disk. */
    private static final List<String> PYNN_TYPES = List.of("basePyNNCell", "IF_curr_alpha", "IF_curr_exp",
            "IF_cond_alpha", "IF_cond_exp", "EIF_cond_exp_isfa_ista", "EIF_cond_alpha_isfa_ista", "HH_cond_exp",
            "basePynnSynapse", "expCondSynapse", "expCurrSynapse", "alphaCondSynapse", "alphaCurrSynapse",
            "SpikeSourcePoisson");

    @ParameterizedTest(name = "{0} = jLEMS")
    @ValueSource(strings = {"Ex14_PyNN", "Ex23_Spiketimes"})
    void upstreamExampleWritesJlemsBytesOnBundledTypes(String example, @TempDir Path out) throws IOException {
        Path lems = SharedFolder.file("upstream/NeuroML2/LEMSexamples/LEMS_NML2_" + example + ".xml");
        Path nmlExamples = SharedFolder.file("upstream/NeuroML2/examples");
        for (String coreFile : List.of("Cells.xml", "PyNN.xml", "NeuroML2CoreTypes.xml")) {
            assertFalse(Files.exists(lems.resolveSibling(coreFile)) || Files.exists(nmlExamples.resolve(coreFile)),
                    coreFile + " on disk would hide the bundled copy");
        }
        UpstreamExamplesTest.Run run = UpstreamExamplesTest.runs()
                .filter(r -> r.example().equals(example) && r.variant().equals("-")).findFirst()
                .orElseThrow(() -> new AssertionError("jlems-hashes.tsv has no run " + example));

        LemsModel model = LemsReader.read(lems, List.of(nmlExamples));
        for (String type : PYNN_TYPES) {
            String file = model.type(type).orElseThrow(() -> new AssertionError("no type " + type)).location().file();
            assertEquals("bundled:PyNN.xml", file, type + " read from " + file);
        }
        SimulationResult result = Simulator.build(model, SimulationOptions.writingTo(out)).run();

        Set<String> expected = run.files().stream().map(UpstreamExamplesTest.ExpectedFile::file)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> written = result.files().stream()
                .map(f -> out.relativize(f.path()).toString().replace('\\', '/'))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, written, example + ": files written");
        for (UpstreamExamplesTest.ExpectedFile file : run.files()) {
            byte[] bytes = Files.readAllBytes(out.resolve(file.file()));
            assertEquals(file.rows(), new String(bytes, StandardCharsets.UTF_8).lines().count(), file.file() + " rows");
            assertEquals(file.sha256(), sha256(bytes), example + ": " + file.file() + " differs from jLEMS 0.11.1");
        }
    }

    @ParameterizedTest(name = "{0}: bundled = NeuroML")
    @ValueSource(strings = {"pynn_variants.xml"})
    void bundledTypesWriteWhatNeuroMLTypesWrite(String file, @TempDir Path out) throws Exception {
        Path coreTypes = SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes");
        Path model = Path.of(getClass().getResource(file).toURI());
        assertFalse(Files.exists(model.resolveSibling("PyNN.xml")), "PyNN.xml beside " + model);

        LemsModel bundled = LemsReader.read(model, List.of());
        LemsModel neuroMl = LemsReader.read(model, List.of(coreTypes));
        for (String type : PYNN_TYPES) {
            assertEquals("bundled:PyNN.xml", bundled.type(type).orElseThrow().location().file(), type);
            assertFalse(neuroMl.type(type).orElseThrow().location().file().startsWith("bundled:"), type);
        }
        Simulator.build(bundled, SimulationOptions.writingTo(out.resolve("bundled"))).run();
        Simulator.build(neuroMl, SimulationOptions.writingTo(out.resolve("neuroml"))).run();

        List<Path> written = files(out.resolve("neuroml"));
        assertTrue(written.containsAll(List.of(Path.of("pynn_cells.dat"), Path.of("pynn_synapses.dat"),
                Path.of("pynn_sources.dat"), Path.of("pynn_spikes.txt"))), "outputs: " + written);
        assertEquals(written, files(out.resolve("bundled")));
        for (Path name : written) {
            assertTrue(DatFiles.sameText(out.resolve("neuroml").resolve(name), out.resolve("bundled").resolve(name)),
                    file + ": " + name + " differs between bundled and NeuroML core types");
        }
        // every cell and both sources spiked, so the refractory regimes and the Poisson resets were exercised
        Set<String> spiking = Files.readAllLines(out.resolve("bundled/pynn_spikes.txt")).stream()
                .map(line -> line.split("\\s+")[1]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("0", "1", "2", "3", "4", "5", "6", "7"), spiking);
    }

    /** Every file under {@code dir}, relative to it, sorted. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
