package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.testing.DatFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Conductance-based models on the project's bundled core types (Channels.xml and the channel/morphology part of
 * Cells.xml): no NeuroML2CoreTypes folder on the search path.
 * <ul>
 * <li>The Hodgkin-Huxley reference cases of {@code shared/reference-data} (jLEMS 0.11.1 traces) must match jLEMS
 * byte for byte; only the upstream {@code examples} folder is searched, for the {@code .nml} that Ex5 includes.</li>
 * <li>Models that exercise the remaining channel types (our {@code channel_variants.xml}: instantaneous, rates/inf,
 * rates/tau/inf and tau/inf gates, vShift channels, Nernst, Nernst-Ca2 and GHK2 densities, Traub and fixed-factor
 * pools, two calcium pools; upstream Ex10 q10, Ex18 GHK, Ex24 fractional gates) must write exactly the same files on
 * the bundled types as on NeuroML's own.</li>
 * </ul>
 * Skipped when the shared folder ({@link SharedFolder}) is absent.
 */
class BundledHodgkinHuxleyCasesTest {

    /** Types that must come from the bundle, not from any file on disk. */
    private static final List<String> BUNDLED = List.of("ionChannelHH", "ionChannelPassive", "gateHHrates",
            "HHExpRate", "HHSigmoidRate", "HHExpLinearRate", "channelPopulation", "channelDensity",
            "pointCellCondBased", "cell", "segment", "membraneProperties", "Simulation");

    @ParameterizedTest(name = "{0} = jLEMS")
    @ValueSource(strings = {"Ex1_HH", "Ex3_Net", "Ex5_DetCell"})
    void matchesJlemsOnBundledCoreTypes(String example, @TempDir Path out) throws IOException {
        Path folder = SharedFolder.file("reference-data/" + example);
        Path nmlExamples = SharedFolder.file("upstream/NeuroML2/examples");
        for (String coreFile : List.of("Cells.xml", "Channels.xml", "NeuroML2CoreTypes.xml")) {
            assertFalse(Files.exists(folder.resolve(coreFile)) || Files.exists(nmlExamples.resolve(coreFile)),
                    coreFile + " on disk would hide the bundled copy");
        }
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        LemsModel model = LemsReader.read(folder.resolve(manifest.get("lems_file").asText()), List.of(nmlExamples));
        for (String type : BUNDLED) {
            String file = model.type(type).orElseThrow(() -> new AssertionError("no type " + type)).location().file();
            assertTrue(file.startsWith("bundled:"), type + " read from " + file);
        }

        SimulationResult result = Simulator.build(model, SimulationOptions.writingTo(out)).run();

        assertEquals(manifest.get("expected_rows").asLong(), result.steps() + 1, "rows");
        for (JsonNode file : manifest.get("files")) {
            Path reference = folder.resolve(file.get("stored_as").asText());
            Path written = out.resolve(file.get("file").asText());
            assertTrue(Files.exists(written), "missing output " + written.getFileName());
            if (Runtime.version().feature() <= 18) {
                // the references were written on JDK 17, whose Float.toString we share (JDK 19 changed it)
                assertTrue(DatFiles.sameText(reference, written), written.getFileName() + " is not byte-identical");
            }
            List<double[]> ref = DatFiles.read(reference);
            List<double[]> ours = DatFiles.read(written);
            assertEquals(ref.size(), ours.size(), "rows of " + written.getFileName());
            for (DatFiles.ColumnDifference d : DatFiles.compare(ref, ours, 0)) {
                assertEquals(0.0, d.maxAbsDiff(), written.getFileName() + " column " + d.column() + ": " + d);
            }
        }
    }

    @ParameterizedTest(name = "{0}: bundled = NeuroML")
    @ValueSource(strings = {"channel_variants.xml", "LEMS_NML2_Ex10_Q10.xml", "LEMS_NML2_Ex18_GHK.xml",
            "LEMS_NML2_Ex24_FractionalConductance.xml"})
    void bundledTypesWriteWhatNeuroMLTypesWrite(String file, @TempDir Path out) throws Exception {
        Path upstream = SharedFolder.file("upstream/NeuroML2");
        Path coreTypes = SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes");
        Path model = file.startsWith("LEMS_") ? upstream.resolve("LEMSexamples").resolve(file)
                : Path.of(getClass().getResource(file).toURI());
        assertFalse(Files.exists(model.resolveSibling("Cells.xml")), "Cells.xml beside " + model);

        LemsModel bundled = LemsReader.read(model, List.of());
        assertTrue(bundled.type("gateHHrates").orElseThrow().location().file().startsWith("bundled:"));
        LemsModel neuroMl = LemsReader.read(model, List.of(coreTypes));
        assertFalse(neuroMl.type("gateHHrates").orElseThrow().location().file().startsWith("bundled:"));
        Simulator.build(bundled, SimulationOptions.writingTo(out.resolve("bundled"))).run();
        Simulator.build(neuroMl, SimulationOptions.writingTo(out.resolve("neuroml"))).run();

        List<Path> written = files(out.resolve("neuroml"));
        assertFalse(written.isEmpty(), "no output for " + file);
        assertEquals(written, files(out.resolve("bundled")));
        for (Path name : written) {
            assertTrue(DatFiles.sameText(out.resolve("neuroml").resolve(name), out.resolve("bundled").resolve(name)),
                    file + ": " + name + " differs between bundled and NeuroML core types");
        }
    }

    /** Every file under {@code dir}, relative to it, sorted. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
