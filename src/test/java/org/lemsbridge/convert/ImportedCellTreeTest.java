package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.sim.Simulator;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * Cells with child instances: a requirement read through an ancestor's requirement slot reproduces the original
 * run exactly; what has no exact flat form is refused by name and location.
 */
class ImportedCellTreeTest {

    private static final Path DIR = Path.of("src/test/resources/org/lemsbridge/convert/import");

    @Test
    void aRequirementReadThroughAnAncestorsSlotIsTwoStepsLateAsInJlems(@TempDir Path dir) throws Exception {
        Path doc = DIR.resolve("requirement-chain.xml");
        LemsModel model = LemsReader.read(doc, List.of());
        SimulationResult run = Simulator.build(model, SimulationOptions.writingTo(Files.createDirectories(
                dir.resolve("original")))).run();
        Trace reference = TraceReader.read(run.files().get(0).path());

        ImportResult result = LemsToExperiment.convert(model, doc.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        ImportedMember cell = result.members().get(0);
        assertEquals(Map.of("u", "u", "middle_u", "middle/u", "middle_leaf_w", "middle/leaf/w"), cell.quantities());
        var dynamics = cell.experiment().dynamics();
        // the middle's slot is a state an always-true event sets from what it read at the start of the step
        assertEquals("u", dynamics.derivedVariables().get("middle_u_next").equation().rhs());
        assertEquals("middle_u = middle_u_next",
                dynamics.events().get("requirement_copies").affect().rhs());
        assertEquals("0.5*(middle_u + middle_leaf_w)", dynamics.derivedVariables().get("middle_leaf_r").equation()
                .rhs());
        // the leaf's OnStart w = u + 1 ran after the top's u = 0.5
        assertEquals(1.5, dynamics.stateVariables().get("middle_leaf_w").initialValue());
        List<ImportRoundTripTest.Deviation> deviations = ImportRoundTripTest.simulateAndCompare(cell, reference, dir);
        assertEquals(2, deviations.size());
        for (ImportRoundTripTest.Deviation d : deviations) {
            assertEquals(0.0, d.maxAbs(), d.toString());
        }
    }

    @Test
    void everyHhGateRateAndQ10TypeOnAPointCellImportsExactly(@TempDir Path dir) throws Exception {
        Path doc = DIR.resolve("hh-gate-variants.xml");
        LemsModel model = LemsReader.read(doc, List.of());
        SimulationResult run = Simulator.build(model, SimulationOptions.writingTo(Files.createDirectories(
                dir.resolve("original")))).run();
        Trace reference = TraceReader.read(run.files().get(0).path());

        ImportResult result = LemsToExperiment.convert(model, doc.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(List.of("pop_0", "pop_1"), result.members().stream().map(ImportedMember::stem).toList());
        ImportedMember stimulated = result.members().get(1);
        // the instantaneous gate's q is a derived variable, recorded like the other gates' states
        assertEquals("pop[1]/naPop/naChan/m/q", stimulated.quantities().get("naChan_m_q"));
        assertTrue(stimulated.experiment().dynamics().derivedVariables().containsKey("naChan_m_q"));
        assertEquals("pop[1]/caPop/caChan/d/q", stimulated.quantities().get("caChan_d_q"));
        int compared = 0;
        for (ImportedMember member : result.members()) {
            for (ImportRoundTripTest.Deviation d : ImportRoundTripTest.simulateAndCompare(member, reference, dir)) {
                assertEquals(0.0, d.maxAbs(), member.stem() + " " + d);
                compared++;
            }
        }
        assertEquals(8, compared);
    }

    @Test
    void aSelectOfAChildsStateVariableIsRefusedWithItsLocation() {
        Path doc = DIR.resolve("select-updated-state.xml");
        ImportResult result = LemsToExperiment.convert(LemsReader.read(doc, List.of()), doc.toString());
        assertEquals(List.of(), result.members());
        assertEquals(1, result.problems().size());
        String problem = result.problems().get(0).oneLine();
        assertTrue(problem.startsWith(doc + ":18:") && problem.contains("derived variable 'seen'")
                && problem.contains("selects state variable 'x' of part (leaf)")
                && problem.contains("after that instance has updated it"),
                problem);
    }

    @Test
    void aCellWithTwoSegmentsIsRefusedAsMultiCompartment() {
        Path doc = DIR.resolve("two-segments.xml");
        ImportResult result = LemsToExperiment.convert(LemsReader.read(doc, List.of()), doc.toString());
        assertEquals(List.of(), result.members());
        String problem = result.problems().get(0).oneLine();
        assertTrue(problem.startsWith(doc + ":8:") && problem.contains("pop[0]") && problem.contains("twoSeg (cell)")
                && problem.contains("multi-compartment") && problem.contains("2 segments"), problem);
    }
}
