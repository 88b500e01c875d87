package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.ImportedMember;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;

/**
 * LEMS -> YAML -> (render) -> simulate reproduces jLEMS's recorded traces of the original LEMS model: Ex2 (four
 * Izhikevich cells with pulse and ramp inputs), the cells of Ex0, and Ex1's Hodgkin-Huxley cell with its channels.
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
        checkEx2(withCoreTypes(SharedFolder.file("reference-data/Ex2_Izh/LEMS_NML2_Ex2_Izh.xml")), dir);
    }

    /** A NeuroML model of the shared folder read with the upstream core types (skipped when either is absent). */
    private static LemsModel withCoreTypes(Path file) {
        return LemsReader.read(file, List.of(SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes")));
    }

    @Test
    void ex0CellsIncludingTheRefractoryOnesReproduceJlems(@TempDir Path dir) throws Exception {
        Path file = SharedFolder.file("reference-data/Ex0_IaF/LEMS_NML2_Ex0_IaF.xml");
        ImportResult result = LemsToExperiment.convert(withCoreTypes(file), file.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(List.of("iafTauPop_0", "iafTauRefPop_0", "iafRefPop_0", "iafPop_0"),
                result.members().stream().map(ImportedMember::stem).toList());
        // jLEMS records v of the refractory cells before each step's regime update: the import records v_recorded
        assertEquals(Map.of("v_recorded", "iafRefPop[0]/v", "lastSpikeTime", "iafRefPop[0]/lastSpikeTime"),
                result.members().get(2).quantities());
        Trace reference = TraceReader.read(SharedFolder.file("reference-data/Ex0_IaF/iaf_v.dat.gz"));
        for (ImportedMember member : result.members()) {
            for (Deviation d : simulateAndCompare(member, reference, dir)) {
                System.out.printf("import Ex0 %s %s: max|d| = %.3g, max|ref| = %.3g, relative %.3g%n", member.stem(),
                        d.quantity(), d.maxAbs(), d.maxRef(), d.relative());
                assertTrue(d.relative() <= 1e-6, member.stem() + " " + d);
            }
        }
    }

    @Test
    void plainLemsRegimeExampleOfJlemsImportsAndReproducesItsReference(@TempDir Path dir) throws Exception {
        Path shared = SharedFolder.root();
        Path file = shared.resolve("reference-data/jlems_test_regime_iaf/test_regime_iaf.xml");
        Path examples = shared.resolve("upstream/LEMS/examples");
        Assumptions.assumeTrue(Files.exists(file) && Files.isDirectory(examples), file + " is absent");
        ImportResult result = LemsToExperiment.convert(LemsReader.read(file, List.of(examples)), file.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(List.of("iafTauRefPop_0"), result.members().stream().map(ImportedMember::stem).toList());
        Trace reference = TraceReader.read(shared.resolve(
                "reference-data/jlems_test_regime_iaf/jlems_test_regime_iaf_displays.dat"));
        assertReproduces(result.members().get(0), reference, dir, "jLEMS test_regime_iaf");
    }

    /**
     * Initial values are what the instance tree's initialisation leaves, the simulator's own: the initial regime's
     * OnEntry counts its runs, three per initialisation of the root, and jLEMS's row 0 shows 3 (replaying the OnStart
     * and OnEntry blocks once, as the import did before it used the tree, gave 1).
     */
    @Test
    void initialValuesAreWhatJlemsInitialisationLeaves() throws Exception {
        Path oracle = Path.of(getClass().getResource("/org/lemsbridge/oracle/regime_exposure_lag.xml").toURI());
        ImportResult result = LemsToExperiment.convert(LemsReader.read(oracle, List.of()), oracle.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        double imported = result.members().get(0).experiment().dynamics().stateVariables().get("runEntries")
                .initialValue();
        String[] jlemsRow0 = Files.readAllLines(oracle.resolveSibling("regime_exposure_lag.dat")).get(0).split("\t");
        assertEquals(Double.parseDouble(jlemsRow0[7]), imported, "runEntries (column 7) at row 0");
        assertEquals(3.0, imported);
    }

    @Test
    void aLemsLevelConstantBecomesAParameterWithItsDeclaredDimension(@TempDir Path dir) throws Exception {
        Path shared = SharedFolder.root();
        Path file = shared.resolve("reference-data/jlems_bounce/bounce.xml");
        Path examples = shared.resolve("upstream/LEMS/examples");
        Assumptions.assumeTrue(Files.exists(file) && Files.isDirectory(examples), file + " is absent");
        ImportResult result = LemsToExperiment.convert(LemsReader.read(file, List.of(examples)), file.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        ImportedMember ball = result.members().get(0);
        String yaml = ExperimentWriter.write(ball.experiment());
        assertTrue(yaml.contains("AccG:\n      value: 9.8\n      unit: m_per_s2\n"), yaml);
        Trace reference = TraceReader.read(shared.resolve("reference-data/jlems_bounce/jlems_bounce_displays.dat"));
        assertReproduces(ball, reference, dir, "jLEMS bounce");
    }

    @Test
    void ex1HodgkinHuxleyCellWithItsChannelsReproducesJlemsExactly(@TempDir Path dir) throws Exception {
        Path shared = SharedFolder.root();
        Path file = shared.resolve("reference-data/Ex1_HH/LEMS_NML2_Ex1_HH.xml");
        Path displays = shared.resolve("reference-data/Ex1_HH/Ex1_HH_displays.dat");
        Assumptions.assumeTrue(Files.exists(file) && Files.exists(displays), file + " or its reference is absent");
        // the bundled core types: pointCellCondBased, channelPopulation, ionChannelHH, gateHHrates, HH rates
        ImportResult result = LemsToExperiment.convert(LemsReader.read(file, List.of()), file.toString());
        assertEquals(List.of(), result.problems().stream().map(p -> p.oneLine()).toList());
        assertEquals(List.of("hhpop_0"), result.members().stream().map(ImportedMember::stem).toList());
        ImportedMember cell = result.members().get(0);
        Map<String, String> quantities = cell.quantities();
        assertEquals("hhpop[0]/v", quantities.get("v"));
        assertEquals("hhpop[0]/naChans/na/m/q", quantities.get("na_m_q"));
        assertEquals("hhpop[0]/naChans/na/h/q", quantities.get("na_h_q"));
        assertEquals("hhpop[0]/kChans/k/n/q", quantities.get("k_n_q"));
        String yaml = ExperimentWriter.write(cell.experiment());
        // every intermediate keeps jLEMS's tree: the rate's CDV, the gate's fold over q10 settings, the channel's
        // product of its gates' fcond, the cell's sum of the populations' currents
        assertTrue(yaml.contains("rhs: 0 + leak_i + naChans_i + kChans_i\n"), yaml);
        assertTrue(yaml.contains("rhs: 1*na_m_fcond*na_h_fcond\n"), yaml);
        assertTrue(yaml.contains("rhs: (na_m_inf - na_m_q)/na_m_tau\n"), yaml);
        // the HH rates read v through the channel's and the population's requirement slots (v three rows back)
        assertTrue(yaml.contains("rhs: naChans_v = naChans_v_next; na_v = na_v_next;"), yaml);
        List<Deviation> deviations = simulateAndCompare(cell, TraceReader.read(displays), dir);
        assertEquals(4, deviations.size(), deviations.toString());
        for (Deviation d : deviations) {
            System.out.printf("import Ex1_HH %s: max|d| = %.3g, max|ref| = %.3g%n", d.quantity(), d.maxAbs(),
                    d.maxRef());
            assertEquals(0.0, d.maxAbs(), d.toString());
        }
    }

    @Test
    void adexWhoseRegimeRatesReadEachOtherIsReportedWithItsLocation() {
        Path shared = SharedFolder.root();
        Path cells = shared.resolve("upstream/NeuroML2/NeuroML2CoreTypes");
        Assumptions.assumeTrue(Files.isDirectory(cells), cells + " is absent");
        String lems = """
                <Lems>
                  <Target component="sim"/>
                  <Include file="Cells.xml"/>
                  <Include file="Networks.xml"/>
                  <Include file="Simulation.xml"/>
                  <adExIaFCell id="adex" C="281pF" gL="30nS" EL="-70.6mV" reset="-48.5mV" VT="-50.4mV" thresh="-40.4mV"
                      delT="2mV" tauw="40ms" refract="0ms" a="4nS" b="0.08nA"/>
                  <network id="net"><population id="pop" component="adex" size="1"/></network>
                  <Simulation id="sim" length="10ms" step="0.01ms" target="net"/>
                </Lems>
                """;
        ImportResult result = LemsToExperiment.convert(LemsReader.read(lems, "adex.xml", cells, List.of(cells)),
                "adex.xml");
        assertEquals(List.of(), result.members());
        String problem = result.problems().get(0).oneLine();
        // the location is the adExIaFCell element (its first or last line, as the reader reports elements)
        assertTrue((problem.startsWith("adex.xml:6:") || problem.startsWith("adex.xml:7:")) && problem.contains("pop[0]") && problem.contains("adExIaFCell")
                && problem.contains("regimes (refractory, integrating)") && problem.contains("reads 'v'"), problem);
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

    /** Every recorded quantity of {@code member}'s simulation within 1e-6 x max|ref| of {@code reference}. */
    private static void assertReproduces(ImportedMember member, Trace reference, Path dir, String what)
            throws Exception {
        for (Deviation d : simulateAndCompare(member, reference, dir)) {
            System.out.printf("import %s %s: max|d| = %.3g, max|ref| = %.3g%n", what, d.quantity(), d.maxAbs(),
                    d.maxRef());
            assertTrue(d.relative() <= 1e-6, d.toString());
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
            if (reference.valuesOf(q.getValue()).isEmpty()) {
                continue; // recorded by the import but not in this reference (e.g. lastSpikeTime)
            }
            double[] ref = reference.valuesOf(q.getValue()).orElseThrow();
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
        assertTrue(!deviations.isEmpty(), "no quantity of " + member.stem() + " is in the reference");
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
