package org.lemsbridge.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lemsbridge.convert.ExperimentToLems;
import org.lemsbridge.convert.ExperimentToNeuroMl;
import org.lemsbridge.convert.ImportResult;
import org.lemsbridge.convert.ImportedMember;
import org.lemsbridge.convert.LemsToExperiment;
import org.lemsbridge.convert.RenderResult;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.suite.ModelRunner;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.trace.TraceReader;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/**
 * render --neuroml: experiments that are NeuroML core cells in disguise come out as the standard elements over
 * included core types, read like hand-written NeuroML, and simulate to the jLEMS references of the NeuroML examples.
 */
class NeuroMlRenderTest {

    private static final Path RESOURCES = Path.of("src/test/resources/org/lemsbridge/convert/import");
    private static final Path EX2 = Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz");

    @Test
    void tonicSeedIsWrittenAsAHandWrittenNeuromlDocumentWould() throws Exception {
        RenderResult result = new ExperimentToNeuroMl().render(ExperimentReader.read(Path.of("examples/izhikevich-tonic.yaml")));
        assertEquals(List.of(), result.warnings());
        String expected = Files.readString(RESOURCES.resolve("izhikevich-tonic.neuroml.xml"), StandardCharsets.UTF_8);
        Diff diff = DiffBuilder.compare(Input.fromString(expected)).withTest(Input.fromString(result.xml()))
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString());
        assertFalse(result.xml().contains("<ComponentType"), "no custom ComponentType");
    }

    @ParameterizedTest
    @CsvSource({
            "examples/izhikevich-tonic.yaml, izpopTonic[0], i1",
            "examples/izhikevich-burst.yaml, izpopBurst[0], i0",
            "src/test/resources/org/lemsbridge/convert/import/class1-ramp.yaml, izpopClass1[0], rg0"})
    void izhikevichExperimentsSimulateToTheEx2Reference(String yaml, String cell, String input, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(Files.exists(EX2), EX2 + " is absent");
        RenderResult result = new ExperimentToNeuroMl().render(ExperimentReader.read(Path.of(yaml)));
        assertEquals(List.of(), result.warnings());
        assertTrue(result.xml().contains("<izhikevichCell "), result.xml());
        Trace ours = simulate(result.xml(), dir);
        Trace reference = TraceReader.read(EX2.toAbsolutePath());
        Map<String, String> columns = Map.of(cell + "/v", "/v", cell + "/U", "/U", cell + "/" + input + "/I", "/I");
        columns.forEach((refQuantity, suffix) -> {
            double[] ref = reference.valuesOf(refQuantity).orElseThrow();
            double[] mine = endingWith(ours, suffix);
            double relative = maxRelative(ref, mine);
            System.out.printf("render --neuroml %s %s: max|d|/max|ref| = %.3g%n", yaml, refQuantity, relative);
            assertTrue(relative <= 1e-6, refQuantity + ": " + relative);
        });
    }

    @Test
    void importedNeuromlCellsRenderBackToTheCoreTypesAndTheReference(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.exists(EX2), EX2 + " is absent");
        ImportResult imported = LemsToExperiment.convert(
                org.lemsbridge.lems.LemsReader.read(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"), List.of()), "Ex2");
        Trace reference = TraceReader.read(EX2.toAbsolutePath());
        for (ImportedMember member : imported.members()) {
            RenderResult result = new ExperimentToNeuroMl().render(member.experiment());
            assertEquals(List.of(), result.warnings(), member.stem());
            assertTrue(result.xml().contains("<izhikevichCell ") && result.xml().contains("GeneratorDL id=")
                    && !result.xml().contains("<ComponentType"), result.xml());
            Trace ours = simulate(result.xml(), Files.createDirectories(dir.resolve(member.stem())));
            String cell = member.quantities().values().iterator().next().replace("/v", "");
            for (String variable : List.of("/v", "/U")) {
                double relative = maxRelative(reference.valuesOf(cell + variable).orElseThrow(),
                        endingWith(ours, variable));
                System.out.printf("import + render --neuroml %s%s: max|d|/max|ref| = %.3g%n", cell, variable, relative);
                assertEquals(0.0, relative, cell + variable);
            }
        }
    }

    @Test
    void leakyIntegrateAndFireBecomesIafTauCellAndSimulatesToTheEx0Reference(@TempDir Path dir) throws Exception {
        Path reference = SharedFolder.file("reference-data/Ex0_IaF/iaf_v.dat.gz");
        RenderResult result = new ExperimentToNeuroMl().render(ExperimentReader.read(RESOURCES.resolve("iaf-tau.yaml")));
        assertEquals(List.of(), result.warnings());
        assertTrue(result.xml().contains("<iafTauCell id=\"LeakyIaF\" leakReversal=\"-50.0mV\" tau=\"30.0ms\" "
                + "thresh=\"-55.0mV\" reset=\"-70.0mV\"/>"), result.xml());
        Trace ours = simulate(result.xml(), dir);
        double relative = maxRelative(TraceReader.read(reference).valuesOf("iafTauPop[0]/v").orElseThrow(),
                endingWith(ours, "/v"));
        System.out.printf("render --neuroml iaf-tau.yaml iafTauPop[0]/v: max|d|/max|ref| = %.3g%n", relative);
        assertTrue(relative <= 1e-6, "relative " + relative);
    }

    @Test
    void fitzHughNagumoPerMsBecomesTheNeuroml1969CellAndSimulatesLikeTheCustomType(@TempDir Path dir) throws Exception {
        Experiment experiment = ExperimentReader.read(RESOURCES.resolve("fhn-ms.yaml"));
        RenderResult neuroml = new ExperimentToNeuroMl().render(experiment);
        assertEquals(List.of(), neuroml.warnings());
        assertTrue(neuroml.xml().contains("<fitzHughNagumo1969Cell id=\"FHN\" a=\"0.7\" b=\"0.8\" I=\"0.5\" "
                + "phi=\"0.08\" V0=\"-1.0\" W0=\"0.5\"/>"), neuroml.xml());
        Trace core = simulate(neuroml.xml(), Files.createDirectories(dir.resolve("core")));
        Trace custom = simulate(new ExperimentToLems().render(experiment).xml(),
                Files.createDirectories(dir.resolve("custom")));
        for (String[] pair : new String[][] {{"/V", "x"}, {"/W", "y"}}) {
            double[] mine = endingWith(core, pair[0]);
            double[] theirs = endingWith(custom, pair[1]);
            double relative = maxRelative(theirs, mine);
            // the core type groups phi * (V + a - b*W) / TS differently: rounding-level differences only
            System.out.printf("render --neuroml fhn-ms.yaml %s: max|d|/max|custom| = %.3g%n", pair[0], relative);
            assertTrue(relative <= 1e-6, pair[0] + ": " + relative);
        }
    }

    @Test
    void aDifferentConstantIsNotTheCoreTypeAndFallsBackToACustomTypeWithAWarning() {
        RenderResult result = new ExperimentToNeuroMl().render(
                ExperimentReader.read(RESOURCES.resolve("izhikevich-not-core.yaml")));
        assertTrue(result.xml().contains("<ComponentType name=\"Variant\""), result.xml());
        assertFalse(result.xml().contains("izhikevichCell"));
        assertTrue(result.warnings().get(0).contains("no NeuroML core type fits")
                && result.warnings().get(0).contains("Izhikevich (2003) form"), result.warnings().toString());
    }

    private static Trace simulate(String xml, Path dir) throws Exception {
        Path file = dir.resolve("LEMS_model.xml");
        Files.writeString(file, xml);
        Path out = Files.createDirectories(dir.resolve("out"));
        SimulationResult run = ModelRunner.run(file, List.of(), SimulationOptions.writingTo(out)).result();
        return TraceReader.read(run.files().get(0).path());
    }

    private static double[] endingWith(Trace trace, String suffix) {
        for (int i = 0; i < trace.columnCount(); i++) {
            if (trace.column(i).quantity().endsWith(suffix)) {
                return trace.values(i);
            }
        }
        throw new AssertionError("no column ending in " + suffix + " in " + trace.columns());
    }

    private static double maxRelative(double[] ref, double[] mine) {
        assertEquals(ref.length, mine.length, "rows");
        double maxAbs = 0;
        double maxRef = 0;
        for (int row = 0; row < ref.length; row++) {
            maxAbs = Math.max(maxAbs, Math.abs((float) mine[row] - (float) ref[row]));
            maxRef = Math.max(maxRef, Math.abs(ref[row]));
        }
        return maxAbs / maxRef;
    }
}
