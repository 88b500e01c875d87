package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.CliRun;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.trace.Column;
import org.lemsbridge.trace.TraceReader;

/**
 * A TVBO model whose units only annotate runs in its own numbers, so its trace's {@code unit} is {@code 1}; the
 * unit its YAML declares for a recorded variable goes into the sidecar as {@code declared_unit}, as written. A model
 * rendered with dimensions keeps its SI units and gets no declared unit. {@code compare} reads such a sidecar.
 */
class DeclaredUnitsSidecarTest {

    @TempDir
    Path dir;

    /** JansenRit's pattern (a rate in ms^-1, a gain in Millivolt, a count without unit), with a recorded output. */
    private static final String ANNOTATED = """
            dynamics:
              name: Annotated
              parameters:
                a: {value: 0.1, unit: ms^-1}
                A: {value: 3.25, unit: Millivolt}
                J: {value: 2.0}
              state_variables:
                y:
                  equation: {rhs: "A*a*J - a*y"}
                  initial_value: 0.1
                z:
                  equation: {rhs: "-a*z"}
                  initial_value: 1.0
              derived_variables:
                psp: {equation: {rhs: "y - z"}, unit: mV}
              output: [psp]
            integration: {method: euler, step_size: 0.05, duration: 1.0, time_scale: ms}
            """;

    @Test
    void aColumnOfAModelInItsOwnNumbersCarriesItsDeclaredUnit() throws IOException {
        Path out = run(ANNOTATED);
        String sidecar = Files.readString(out.resolve("Annotated.dat.json"));
        assertEquals("{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"},"
                + "{\"name\":\"y\",\"quantity\":\"y\",\"unit\":\"1\"},"
                + "{\"name\":\"z\",\"quantity\":\"z\",\"unit\":\"1\"},"
                + "{\"name\":\"psp\",\"quantity\":\"psp\",\"unit\":\"1\",\"declared_unit\":\"mV\"}],",
                sidecar.substring(0, sidecar.indexOf("\"source\"")));
        List<Column> columns = TraceReader.read(out.resolve("Annotated.dat")).columns();
        assertEquals(List.of("", "", "mV"), columns.stream().map(Column::declaredUnit).toList());
        // the values are the model's own numbers: psp = y - z one step late (derived variables lag a step in jLEMS)
        assertEquals(0.1 - 1.0, TraceReader.read(out.resolve("Annotated.dat")).value(2, 1), 1e-7);
    }

    @Test
    void aModelWithDimensionsKeepsItsSiUnitsAndDeclaresNone() throws IOException {
        Path out = run("""
                dynamics:
                  name: Dimensioned
                  parameters:
                    a: {value: 0.1, unit: ms^-1}
                    A: {value: 3.25, unit: Millivolt}
                  state_variables:
                    v:
                      equation: {rhs: "a*(A - v)"}
                      initial_value: 0.1
                      unit: mV
                integration: {method: euler, step_size: 0.05, duration: 1.0, time_scale: ms}
                """);
        String sidecar = Files.readString(out.resolve("Dimensioned.dat.json"));
        assertEquals("{\"columns\":[{\"name\":\"t\",\"quantity\":\"t\",\"unit\":\"s\"},"
                + "{\"name\":\"v\",\"quantity\":\"v\",\"unit\":\"V\"}],",
                sidecar.substring(0, sidecar.indexOf("\"source\"")));
        assertEquals(1e-4, TraceReader.read(out.resolve("Dimensioned.dat")).value(0, 0), 1e-12, "0.1 mV in V");
    }

    @Test
    void theSimulateCommandWritesItAndCompareReadsIt() throws IOException {
        Path file = Files.createTempFile(dir, "model", ".yaml");
        Files.writeString(file, ANNOTATED);
        Path out = dir.resolve("cli-out");
        CliRun simulate = CliRun.of("simulate", file.toString(), "-o", out.toString(), "--plot");
        assertEquals(0, simulate.exitCode(), simulate.err());
        Path dat = out.resolve("Annotated.dat");
        assertEquals(List.of("", "", "mV"), TraceReader.read(dat).columns().stream().map(Column::declaredUnit).toList());
        CliRun compare = CliRun.of("compare", dat.toString(), dat.toString(), "--columns", "psp=psp", "--tier",
                "exact");
        assertEquals(0, compare.exitCode(), compare.err());
    }

    private Path run(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "model", ".yaml");
        Files.writeString(file, yaml);
        Path out = Files.createTempDirectory(dir, "out");
        ModelRunner.run(file, List.of(), SimulationOptions.writingTo(out));
        return out;
    }
}
