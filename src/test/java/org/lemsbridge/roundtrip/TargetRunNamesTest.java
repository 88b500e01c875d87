package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.Simulator;

/**
 * A Simulation type may call its step, length and target anything: its {@code <Run>} names them. Import and the
 * simulator both read the run through those names, so a renamed Simulation type runs and imports exactly as
 * NeuroML's own Simulation does.
 */
class TargetRunNamesTest {

    private static final Path DOC = Path.of("src/test/resources/org/lemsbridge/convert/import/many-inputs.xml");

    private static final String RENAMED_TYPE = """
                <ComponentType name="FixedStepRun">
                    <Parameter name="duration" dimension="time"/>
                    <Parameter name="dt" dimension="time"/>
                    <Children name="outputs" type="OutputFile"/>
                    <ComponentReference name="model" type="Component"/>
                    <Dynamics>
                        <StateVariable name="t" dimension="time"/>
                    </Dynamics>
                    <Simulation>
                        <Run component="model" variable="t" increment="dt" total="duration"/>
                    </Simulation>
                </ComponentType>
            """;

    @Test
    void aSimulationTypeNamingItsStepAndLengthOtherwiseRunsAndImportsAsNeuroMlsOwn(@TempDir Path dir)
            throws Exception {
        String original = Files.readString(DOC);
        String renamed = original.replace("</Simulation>", "</FixedStepRun>")
                .replace("<Simulation id=\"sim\" length=\"100ms\" step=\"0.01ms\" target=\"net\">",
                        RENAMED_TYPE + "    <FixedStepRun id=\"sim\" duration=\"100ms\" dt=\"0.01ms\" model=\"net\">");
        Path renamedDoc = Files.writeString(dir.resolve("renamed-run.xml"), renamed);
        LemsModel neuroml = LemsReader.read(DOC, List.of());
        LemsModel custom = LemsReader.read(renamedDoc, List.of());

        assertEquals("dt", custom.targetRun().orElseThrow().step().name());
        assertEquals("net", custom.targetRun().orElseThrow().target());

        Path a = Files.createDirectories(dir.resolve("neuroml"));
        Path b = Files.createDirectories(dir.resolve("custom"));
        Path fromNeuroml = Simulator.build(neuroml, SimulationOptions.writingTo(a)).run().files().get(0).path();
        Path fromCustom = Simulator.build(custom, SimulationOptions.writingTo(b)).run().files().get(0).path();
        assertArrayEquals(Files.readAllBytes(fromNeuroml), Files.readAllBytes(fromCustom));

        ImportResult expected = LemsToExperiment.convert(neuroml, DOC.toString());
        ImportResult actual = LemsToExperiment.convert(custom, renamedDoc.toString());
        assertEquals(List.of(), actual.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(2, actual.members().size());
        Integration integration = actual.members().get(0).experiment().integration();
        assertEquals(0.01, integration.stepSize());
        assertEquals(100.0, integration.duration());
        assertEquals("ms", integration.timeScale());
        for (int i = 0; i < 2; i++) {
            assertEquals(expected.members().get(i).experiment().dynamics(),
                    actual.members().get(i).experiment().dynamics());
        }
    }
}
