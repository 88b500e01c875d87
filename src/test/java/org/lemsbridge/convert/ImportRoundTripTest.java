package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * LEMS -> YAML -> (render) -> simulate reproduces jLEMS's recorded traces of the original LEMS model: Ex2 (four
 * Izhikevich cells with pulse and ramp inputs) and the regime-free cells of Ex0.
 */
class ImportRoundTripTest {

    private static final Path EX2_REFERENCE = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz");

    /** The largest |ours - reference| over all rows, divided by max |reference|, per quantity. */
    record Deviation(String quantity, double maxAbs, double maxRef) {
        double relative() {
            return maxRef == 0 ? maxAbs : maxAbs / maxRef;
        }
    }

    @Test
    void ex2ProjectCopyImportsToFourExperimentsThatReproduceJlems(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(EX2_REFERENCE), EX2_REFERENCE + " is absent");
        LemsModel model = LemsReader.read(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"), List.of());
        checkEx2(model, dir);
    }

    @Test
    void ex2UpstreamFileImportsToFourExperimentsThatReproduceJlems(@TempDir Path dir) throws Exception {
        Path shared = SharedFiles.root();
        Path file = shared.resolve("reference-data/Ex2_Izh/LEMS_NML2_Ex2_Izh.xml");
        Assumptions.assumeTrue(Files.exists(file), file + " is absent");
        LemsModel model = LemsReader.read(file,
                List.of(shared.resolve("upstream/NeuroML2/NeuroML2CoreTypes")));
        checkEx2(model, dir);
    }

    @Test
    void ex0CellsWithoutRegimesReproduceJlemsAndTheRefractoryOnesAreReported(@TempDir Path dir) throws Exception {
        Path shared = SharedFiles.root();
        Path file = shared.resolve("reference-data/Ex0_IaF/LEMS_NML2_Ex0_IaF.xml");
        Assumptions.assumeTrue(Files.exists(file), file + " is absent");
        LemsModel model = LemsReader.read(file, List.of(shared.resolve("upstream/NeuroML2/NeuroML2CoreTypes")));
        ImportResult result = LemsToExperiment.convert(model, file.toString());
        assertEquals(List.of("iafTauPop_0", "iafPop_0"), result.members().stream().map(ImportedMember::stem).toList());
        List<String> problems = result.problems().stream().map(p -> p.oneLine()).toList();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("LEMS_NML2_Ex0_IaF.xml:28:") && problems.get(0).contains("iafTauRefPop[0]")
                && problems.get(0).contains("regimes (refractory, integrating)"), problems.get(0));
        assertTrue(problems.get(1).contains("iafRefPop[0]") && problems.get(1).contains("iafRefCell"), problems.get(1));
        Trace reference = TraceReader.read(shared.resolve("reference-data/Ex0_IaF/iaf_v.dat.gz"));
        for (ImportedMember member : result.members()) {
            for (Deviation d : simulateAndCompare(member, reference, dir)) {
                System.out.printf("import Ex0 %s %s: max|d| = %.3g, max|ref| = %.3g, relative %.3g%n", member.stem(),
                        d.quantity(), d.maxAbs(), d.maxRef(), d.relative());
                assertTrue(d.relative() <= 1e-6, member.stem() + " " + d);
            }
        }
    }

    private void checkEx2(LemsModel model, Path dir) throws Exception {
        ImportResult result = LemsToExperiment.convert(model, "Ex2_Izh.xml");
        assertEquals(List.of(), result.problems().stream().map(Object::toString).toList());
        assertEquals(List.of("izpopBurst_0", "izpopTonic_0", "izpopMixed_0", "izpopClass1_0"),
                result.members().stream().map(ImportedMember::stem).toList());
        Trace reference = TraceReader.read(EX2_REFERENCE.toAbsolutePath());
        for (ImportedMember member : result.members()) {
            assertEquals(3, member.quantities().size(), member.quantities().toString());
            for (Deviation d : simulateAndCompare(member, reference, dir)) {
                System.out.printf("import %s %s: max|d| = %.3g, max|ref| = %.3g, relative %.3g%n", member.stem(),
                        d.quantity(), d.maxAbs(), d.maxRef(), d.relative());
                assertTrue(d.relative() <= 1e-6, member.stem() + " " + d);
            }
        }
    }

    /** Writes the member's YAML, runs it through ModelRunner and compares every quantity with the reference. */
    static List<Deviation> simulateAndCompare(ImportedMember member, Trace reference, Path dir) throws Exception {
        Path yaml = dir.resolve(member.stem() + ".yaml");
        Files.writeString(yaml, ExperimentWriter.write(member.experiment()));
        Path out = Files.createDirectories(dir.resolve(member.stem()));
        SimulationResult run = ModelRunner.run(yaml, List.of(), SimulationOptions.writingTo(out)).result();
        Trace ours = TraceReader.read(run.files().get(0).path());
        assertEquals(reference.rows(), ours.rows(), "rows");
        java.util.ArrayList<Deviation> deviations = new java.util.ArrayList<>();
        for (Map.Entry<String, String> q : member.quantities().entrySet()) {
            double[] ref = reference.valuesOf(q.getValue()).orElseThrow(() -> new AssertionError("no " + q));
            int column = columnNamed(ours, q.getKey());
            double maxAbs = 0;
            double maxRef = 0;
            for (int row = 0; row < ref.length; row++) {
                double mine = (float) ours.value(column, row);
                maxAbs = Math.max(maxAbs, Math.abs(mine - (float) ref[row]));
                maxRef = Math.max(maxRef, Math.abs(ref[row]));
            }
            deviations.add(new Deviation(q.getValue(), maxAbs, maxRef));
        }
        return deviations;
    }

    private static int columnNamed(Trace trace, String name) {
        for (int i = 0; i < trace.columnCount(); i++) {
            if (trace.column(i).name().equals(name) || trace.column(i).quantity().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + trace.columns());
    }
}
