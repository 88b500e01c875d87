package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.Sidecar;

/**
 * The round trip a TVBO user makes with every model of TVBO's database ({@code ../shared/upstream/tvbo/database/models}
 * and its {@code julia/} folders, wrapped as in {@link TvboDatabaseTest}): the experiment YAML is rendered to a LEMS
 * file, that file is imported back to YAML as {@code import} writes it, and the imported YAML simulates to exactly
 * the bytes the original YAML does, with the same column names (the user's) and units in the sidecar.
 * Models {@link TvboDatabaseTest} pins as refused by {@code render} have no LEMS to import and are skipped, naming
 * the refusal.
 */
class TvboRoundTripTest {

    static Stream<String> models() throws IOException {
        return TvboDatabaseTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void importedYamlSimulatesToTheOriginalsBytes(String name, @TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(TvboDatabaseTest.folder()),
                "skipped: " + TvboDatabaseTest.folder() + " is absent (TVBO's database)");
        String baseName = name.substring(name.lastIndexOf('/') + 1);
        Path original = dir.resolve(baseName + ".yaml");
        Files.writeString(original, TvboDatabaseTest.experiment(baseName,
                Files.readString(TvboDatabaseTest.folder().resolve(name + ".yaml")),
                TvboDatabaseTest.SMALLER_STEP.getOrDefault(name, TvboDatabaseTest.STEP),
                TvboDatabaseTest.SHORTER_DURATION.getOrDefault(name, TvboDatabaseTest.DURATION)));
        Experiment experiment;
        String xml;
        try {
            experiment = ExperimentReader.read(original);
            xml = new ExperimentToLems().render(experiment).xml();
        } catch (BadInputException refused) {
            // which models are refused, and with which message, is TvboDatabaseTest's to pin
            Assumptions.abort(name + " is refused by render, so it has no LEMS to import: " + refused.getMessage());
            return;
        }
        Path lems = dir.resolve(baseName + ".xml");
        Files.writeString(lems, xml);
        ImportResult imported = LemsToExperiment.convert(LemsReader.read(lems, List.of()), lems.toString());
        assertEquals(List.of(), imported.problems().stream().map(BadInputException::oneLine).toList(),
                name + ": import problems");
        assertEquals(1, imported.members().size(), name + ": imported members");
        Path back = dir.resolve(baseName + "_imported.yaml");
        Files.writeString(back, ExperimentWriter.write(imported.members().get(0).experiment()));

        Path originalDat = simulate(original, dir.resolve("original"));
        Path backDat = simulate(back, dir.resolve("imported"));
        assertEquals(columns(originalDat), columns(backDat), name + ": sidecar columns (name, quantity, unit)");
        assertEquals(List.copyOf(experiment.dynamics().stateVariables().keySet()),
                columns(backDat).stream().skip(1).map(Column::name).toList(),
                name + ": the imported model's columns keep the state names of the model file");
        assertArrayEquals(Files.readAllBytes(originalDat), Files.readAllBytes(backDat),
                name + ": the imported YAML's trace differs from the original's");
    }

    private static Path simulate(Path yaml, Path out) throws IOException {
        ModelRunner.run(yaml, List.of(), SimulationOptions.writingTo(out));
        try (Stream<Path> written = Files.list(out)) {
            return written.filter(p -> p.toString().endsWith(".dat")).findFirst().orElseThrow();
        }
    }

    private static List<Column> columns(Path dat) {
        return Sidecar.find(dat).orElseThrow().columns();
    }
}
