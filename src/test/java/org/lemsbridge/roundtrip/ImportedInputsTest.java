package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.ImportedMember;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.sim.Simulator;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * Several inputs on one cell, input lists with weights, a pulse that starts at t = 0 and a ramp whose weight is
 * not 1 (both differ at row 0 from their own Piecewise, so the import keeps the row-0 value), and a sine: each
 * imported member simulates exactly as the original document does in lemsbridge's jLEMS-faithful simulator.
 */
class ImportedInputsTest {

    private static final Path DOC = Path.of("src/test/resources/org/lemsbridge/convert/import/many-inputs.xml");

    @Test
    void everyMemberWithItsFoldedInputsReproducesTheOriginalRun(@TempDir Path dir) throws Exception {
        LemsModel model = LemsReader.read(DOC, List.of());
        Path original = Files.createDirectories(dir.resolve("original"));
        SimulationResult run = Simulator.build(model, SimulationOptions.writingTo(original)).run();
        Trace reference = TraceReader.read(run.files().get(0).path());

        ImportResult result = LemsToExperiment.convert(model, DOC.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(List.of("pop_0", "pop_1"), result.members().stream().map(ImportedMember::stem).toList());
        Experiment first = result.members().get(0).experiment();
        assertEquals("0 + p0_I + s0_I + ramps_0_I",
                first.dynamics().derivedVariables().get("ISyn").equation().rhs().replace("(", "").replace(")", ""));
        assertTrue(first.dynamics().derivedVariables().get("p0_I").equation().rhs().startsWith("Piecewise((0, t <= 0)"),
                first.dynamics().derivedVariables().get("p0_I").equation().rhs());
        assertEquals(0.5, first.dynamics().parameters().get("ramps_0_weight").value());
        int compared = 0;
        for (ImportedMember member : result.members()) {
            for (ImportRoundTripTest.Deviation d : ImportRoundTripTest.simulateAndCompare(member, reference, dir)) {
                System.out.printf("import many-inputs %s %s: max|d| = %.3g (max|ref| %.3g)%n", member.stem(),
                        d.quantity(), d.maxAbs(), d.maxRef());
                assertEquals(0.0, d.maxAbs(), member.stem() + " " + d);
                compared++;
            }
        }
        assertEquals(8, compared);
    }

    @Test
    void aCompoundInputAndAVoltageClampThatReadsTheCellImportExactly(@TempDir Path dir) throws Exception {
        Path doc = Path.of("src/test/resources/org/lemsbridge/convert/import/compound-and-clamp.xml");
        LemsModel model = LemsReader.read(doc, List.of());
        Path original = Files.createDirectories(dir.resolve("original"));
        Trace reference = TraceReader.read(Simulator.build(model, SimulationOptions.writingTo(original)).run()
                .files().get(0).path());
        ImportResult result = LemsToExperiment.convert(model, doc.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertTrue(result.members().get(1).experiment().dynamics().derivedVariables().get("clamp_i").equation().rhs()
                .contains("clamp_targetVoltage - v"));
        int compared = 0;
        for (ImportedMember member : result.members()) {
            for (ImportRoundTripTest.Deviation d : ImportRoundTripTest.simulateAndCompare(member, reference, dir)) {
                System.out.printf("import compound-and-clamp %s %s: max|d| = %.3g (max|ref| %.3g)%n", member.stem(),
                        d.quantity(), d.maxAbs(), d.maxRef());
                assertEquals(0.0, d.maxAbs(), member.stem() + " " + d);
                assertTrue(d.maxRef() > 0, "a trace that moves: " + d);
                compared++;
            }
        }
        assertEquals(4, compared);
    }
}
