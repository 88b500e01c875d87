package org.lemsbridge.compare.omv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.testing.SharedFolder;

class OmvCheckTest {

    @TempDir
    Path dir;

    private static Path shared(String relative) {
        return SharedFolder.file(relative);
    }

    /** Runs an upstream OMT against the jLEMS reference traces (its ../results/x.dat is reference-data/EX/x.dat[.gz]). */
    private static List<OmvResult> runUpstream(String omtName, String example) {
        Path omtPath = shared("upstream/NeuroML2/LEMSexamples/test/" + omtName);
        Path data = shared("reference-data/" + example);
        OmtFile omt = OmtFile.read(omtPath);
        return OmvCheck.run(omt, MepFile.read(omt.mepPath()),
                written -> data.resolve(Path.of(written).getFileName().toString()));
    }

    @Test
    void ex0ReferencePassesTheUpstreamOmvTestForAllFourCells() {
        List<OmvResult> results = runUpstream(".test.ex0.jnml.omt", "Ex0_IaF");
        assertEquals(4, results.size());
        for (OmvResult result : results) {
            assertTrue(result.passed(), result.message());
            // the committed tolerances are OMV's pasted best_tol from jLEMS runs: ours reproduces them
            assertEquals(result.tolerance(), result.bestTolerance(), 1e-10 * result.tolerance(), result.message());
        }
        OmvResult first = results.get(0);
        assertEquals("iafTauPop0", first.experiment());
        assertEquals("spike times", first.observable());
        assertEquals(List.of(41.0, 82.595, 124.19, 165.785, 207.38, 248.975, 290.57), first.expected());
        assertEquals(7, first.observed().size());
        assertEquals(1.0e-4, first.tolerance(), 1e-5);
    }

    @Test
    void ex1AndEx5ReferencesPassTheirUpstreamOmvTests() {
        List<OmvResult> ex1 = runUpstream(".test.ex1.jnml.omt", "Ex1_HH");
        assertEquals(1, ex1.size());
        assertTrue(ex1.get(0).passed(), ex1.get(0).message());
        assertEquals(4, ex1.get(0).observed().size());
        List<OmvResult> ex5 = runUpstream(".test.ex5.jnml.omt", "Ex5_DetCell");
        assertEquals(List.of("v", "m"), ex5.stream().map(OmvResult::experiment).toList());
        ex5.forEach(r -> assertTrue(r.passed(), r.message()));
    }

    @Test
    void omvRuleIsRelativeWithNumpysAtolAndReportsTheBetterTolerance() {
        OmvResult pass = OmvComparison.compare("x", "spike times", List.of(10.5, 20.0), List.of(10.0, 20.0), 0.05,
                false, true);
        assertTrue(pass.passed(), pass.message());
        assertEquals(0.05, pass.bestTolerance(), 1e-15);
        OmvResult fail = OmvComparison.compare("x", "spike times", List.of(10.0, 21.0, 30.0), List.of(10.0, 20.0, 30.0),
                0.01, false, true);
        assertFalse(fail.passed());
        assertEquals(List.of(new SpikeDifference(1, 20.0, 21.0, 0.05)), fail.differing());
        assertEquals(0.05, fail.bestTolerance(), 1e-15);
        assertTrue(fail.message().contains("a better tolerance to try is: 0.05"), fail.message());
        OmvResult zero = OmvComparison.compare("x", "spike times", List.of(10.000000005), List.of(10.0), 0.0, false,
                true);
        assertTrue(zero.passed(), "within numpy's atol 1e-8");
        OmvResult nothing = OmvComparison.compare("x", "spike times", List.of(), List.of(), 0.0, false, true);
        assertTrue(nothing.passed(), "no spikes expected, none seen: numpy's allclose of empty arrays");
        assertTrue(Double.isNaN(nothing.bestTolerance()));
    }

    @Test
    void lengthMismatchFailsWhateverTheToleranceAndListsTheUnmatchedSpikes() {
        OmvResult r = OmvComparison.compare("x", "spike times", List.of(1.0, 2.0, 3.0), List.of(1.0, 2.0), 1e9, false,
                true);
        assertFalse(r.passed());
        assertEquals(0.0, r.bestTolerance());
        assertEquals(1, r.differing().size());
        assertEquals(2, r.differing().get(0).index());
        assertEquals(3.0, r.differing().get(0).observed());
        assertTrue(Double.isNaN(r.differing().get(0).expected()));
    }

    @Test
    void aZeroInAListIsTakenForAMissingValueAsOmvTakesIt() {
        OmvResult expected = OmvComparison.compare("x", "spike times", List.of(0.0, 5.0), List.of(0.0, 5.0), 1, false,
                true);
        assertFalse(expected.passed());
        assertTrue(expected.message().contains("could not determine expected values"), expected.message());
        OmvResult detected = OmvComparison.compare("x", "spike times", List.of(0.0), List.of(1.0e-9), 0, false, true);
        assertTrue(detected.passed(), "a detected spike at 0 (a numpy array) is compared: " + detected.message());
        assertFalse(OmvComparison.compare("x", "spike times", List.of(0.0), List.of(1.0e-9), 0, true, true).passed());
    }

    @Test
    void detectionMatchesOmvsOwnTestOfDetectSpikes() {
        double[] x = IntStream.range(0, 40).mapToDouble(i -> new double[] {-1, 0, 1, 0}[i % 4]).toArray();
        double[] minusX = IntStream.range(0, 40).mapToDouble(i -> -x[i]).toArray();
        List<Integer> every4From2 = IntStream.iterate(2, i -> i < 40, i -> i + 4).boxed().toList();
        List<Integer> every4From4 = IntStream.iterate(4, i -> i < 40, i -> i + 4).boxed().toList();
        SpikeDetection derivative = new SpikeDetection(SpikeDetection.Method.DERIVATIVE, 0);
        SpikeDetection threshold = new SpikeDetection(SpikeDetection.Method.THRESHOLD, 0.1);
        assertEquals(every4From2, derivative.rows(x));
        assertEquals(every4From2, threshold.rows(x));
        assertEquals(every4From4, derivative.rows(minusX));
        assertEquals(every4From4, threshold.rows(minusX));
        // a flat top: the last sample of the rise before the fall (dx >= 0 then dx < 0)
        assertEquals(List.of(2), derivative.rows(new double[] {0, 1, 1, 0}));
    }

    @Test
    void thresholdAndDerivativeRunOnScaledColumnsOfAFile() throws IOException {
        Files.writeString(dir.resolve("out.dat"), "0.0\t-0.070\t0.1\t\n0.001\t-0.0551\t0.3\t\n0.002\t-0.020\t0.2\t\n"
                + "0.003\t-0.060\t0.1\t\n0.004\t-0.055\t0.4\t\n0.005\t-0.056\t0.3\t\n");
        Files.writeString(dir.resolve("t.mep"), "system: t\nexperiments:\n  v:\n    expected:\n"
                + "      spike times: [2.0, 4.0]\n  w:\n    expected:\n      spike times: [1, 4]\n");
        Path omt = Files.writeString(dir.resolve("t.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  v:\n    observables:\n      spike times:\n        file:\n          path: out.dat\n"
                + "          columns: [0, 1]\n          scaling: [1000, 1000]\n        spike detection:\n"
                + "          method: threshold\n          threshold: -55.1\n        tolerance: 0\n"
                + "  w:\n    observables:\n      spike times:\n        file: {path: out.dat, columns: [0, 2],"
                + " scaling: [1000, 1]}\n        spike detection: {method: derivative}\n        tolerance: 0\n");
        List<OmvResult> results = OmvCheck.run(omt);
        assertEquals(List.of(2.0, 4.0), results.get(0).observed(), "v[1] == θ counts as below: no interpolation");
        assertEquals(List.of(1.0, 4.0), results.get(1).observed());
        results.forEach(r -> assertTrue(r.passed(), r.message()));
    }

    @Test
    void spikeTimesFilesGiveOneCellsTimesAndRatesAveragedOverCells() throws IOException {
        Files.writeString(dir.resolve("s.spikes"), "0\t0.075\n1\t0.1\n0\t0.15\n0\t0.225\n1\t0.3\n0\t0.3\n0\t0.375\n");
        Files.writeString(dir.resolve("t.mep"), "experiments:\n  times:\n    expected:\n"
                + "      spike times: [0.075, 0.15, 0.225, 0.3, 0.375]\n  rate:\n    expected:\n"
                + "      spike rate: 13.333333333333332\n  all:\n    expected:\n      spike rate: 9.1666666666666\n"
                + "  window:\n    expected:\n      spike rate: 15\n");
        String spikes = "        spiketimes file: {path: s.spikes, format: ID_TIME, %s}\n        tolerance: %s\n";
        Path omt = Files.writeString(dir.resolve("t.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  times:\n    observables:\n      spike times:\n" + spikes.formatted("id: 0", "0")
                + "  rate:\n    observables:\n      spike rate:\n" + spikes.formatted("ids: 0", "0")
                + "  all:\n    observables:\n      spike rate:\n" + spikes.formatted("ids: '*'", "1e-12")
                + "  window:\n    observables:\n      spike rate:\n        method: duration based\n"
                + "        start_time: 0.1\n        end_time: 0.3\n" + spikes.formatted("ids: 0", "1e-12"));
        List<OmvResult> results = OmvCheck.run(omt);
        assertEquals(List.of(0.075, 0.15, 0.225, 0.3, 0.375), results.get(0).observed());
        double intervals = (0.15 - 0.075) + (0.225 - 0.15) + (0.3 - 0.225) + (0.375 - 0.3);
        assertEquals(List.of(4 / intervals), results.get(1).observed(), "ISI based: 4 intervals over their sum");
        assertEquals(List.of(13.333333333333332), results.get(1).observed(), "the MEP's value, summed as Python sums");
        // cell 0 as above, cell 1: one interval of 0.2 s; OMV averages the cells' rates
        assertEquals(List.of((4 / intervals + 1 / (0.3 - 0.1)) / 2), results.get(2).observed());
        assertEquals(List.of(3 / 0.19999999999999998), results.get(3).observed(), "duration based: 0.15, 0.225, 0.3");
        results.forEach(r -> assertTrue(r.passed(), r.message()));
    }

    @Test
    void keysOmvDoesNotReadAreRefusedAtTheirLineWithTheNearestName() throws IOException {
        Path omt = Files.writeString(dir.resolve("bad.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  v:\n    observables:\n      spike times:\n        file: {path: out.dat}\n"
                + "        spike detection: {method: threshold, treshold: 3}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> OmtFile.read(omt));
        assertEquals(9, e.location().line(), e.oneLine());
        assertTrue(e.oneLine().contains("'treshold' is not a key OMV reads"), e.oneLine());
        assertEquals("did you mean 'threshold'?", e.hint());

        Path method = Files.writeString(dir.resolve("m.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  v:\n    observables:\n      spike times:\n        file: {path: out.dat}\n"
                + "        spike detection: {method: peaks}\n");
        assertTrue(assertThrows(BadInputException.class, () -> OmtFile.read(method)).oneLine()
                .contains("unknown spike detection method 'peaks'"));

        Path id = Files.writeString(dir.resolve("i.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  v:\n    observables:\n      spike times:\n"
                + "        spiketimes file: {path: s.spikes, format: ID_TIME, id: 3}\n");
        BadInputException ids = assertThrows(BadInputException.class, () -> OmtFile.read(id));
        assertTrue(ids.oneLine().contains("OMV does not read 'id' (it reads 'ids', here 0)"), ids.oneLine());

        Path resting = Files.writeString(dir.resolve("r.omt"), "target: x.xml\nengine: jNeuroML\nmep: t.mep\n"
                + "experiments:\n  v:\n    observables:\n      resting:\n        average last: 100\n");
        assertTrue(assertThrows(BadInputException.class, () -> OmtFile.read(resting)).oneLine()
                .contains("the OMV observable 'resting' is not implemented by lemsbridge"));
    }

    @Test
    void aTestWithoutMepIsADryRun() throws IOException {
        Path dry = Files.writeString(dir.resolve(".test.dry.omt"), "target: ../LEMS_NML2_Ex2_Izh.xml\n"
                + "engine: jNeuroML\n");
        OmtFile file = OmtFile.read(dry);
        assertTrue(file.isDryRun());
        assertEquals(new ArrayList<>(), file.experiments());
        assertThrows(BadInputException.class, () -> OmvCheck.run(dry));
    }

    @Test
    void malformedYamlIsReportedWithItsLine() throws IOException {
        Path omt = Files.writeString(dir.resolve("bad.omt"), "target: x\nexperiments:\n  a: [1, 2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> OmtFile.read(omt));
        assertTrue(e.location().line() >= 3, e.oneLine());
        assertTrue(e.getMessage().startsWith("invalid YAML: "), e.oneLine());
    }

    @Test
    void omvFilesAreReadUnderTheOneYamlPolicy() throws IOException {
        Path loop = Files.writeString(dir.resolve("loop.omt"), "target: x.xml\nengine: jNeuroML\nmep: &m [*m]\n");
        assertEquals(loop + ":3:6: recursive alias: a node contains itself",
                assertThrows(BadInputException.class, () -> OmtFile.read(loop)).oneLine());
        Path tagged = Files.writeString(dir.resolve("tagged.mep"), "system: !!java.io.File [x]\n");
        assertEquals(tagged + ":1:9: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:java.io.File",
                assertThrows(BadInputException.class, () -> MepFile.read(tagged)).oneLine());
    }
}
