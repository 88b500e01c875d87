package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.validate.RunSizeTest;

class SimulateCommandTest {
    @TempDir
    Path folder;

    private CliRun last;

    private int run(String... args) {
        return run(CliRun.of(args));
    }

    private int run(CliRun run) {
        last = run;
        return run.exitCode();
    }

    @Test
    void theBurstSeedWritesJlemsRowsAndASidecar() throws IOException {
        assertEquals(0, run("simulate", "examples/izhikevich-burst.yaml", "-o", folder.toString()), last.err());
        List<String> rows = Files.readAllLines(folder.resolve("IzhikevichBurst.dat"));
        assertEquals(40001, rows.size());
        assertEquals("0.0\t-70.0\t-14.0\t", rows.get(0));
        assertEquals("0.0245\t-50.0\t-11.767775\t", rows.get(4900));
        assertTrue(Files.readString(folder.resolve("IzhikevichBurst.dat.json"))
                .contains("\"rows\":40001"));
    }

    @Test
    void aRunThatBlowsUpStopsWithOneLineAndLeavesNoFile() throws IOException {
        Path model = folder.resolve("blow.yaml");
        Files.writeString(model, "dynamics:\n  name: Blow\n  parameters:\n    k: {value: 50.0}\n"
                + "  state_variables:\n    x: {equation: {rhs: \"k*x**2\"}, initial_value: 1.0}\n"
                + "integration: {step_size: 0.1, duration: 100, time_scale: ms}\n");
        Path output = folder.resolve("out");
        assertEquals(2, run("simulate", model.toString(), "-o", output.toString()));
        List<String> lines = last.err().strip().lines().toList();
        assertEquals(2, lines.size(), last.err());
        assertEquals(model + ":6:8: simulation stopped: state variable x of Blow_inst became Infinity"
                + " at t = 9.000000000000002E-4 s (step 9)", lines.get(0));
        assertTrue(lines.get(1).startsWith("  hint: "), lines.get(1));
        try (var files = Files.list(output)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aLemsRunThatBlowsUpStopsAtTheComponentOfTheFailingInstanceInItsOwnFile() throws IOException {
        Files.writeString(folder.resolve("cells.xml"), """
                <Lems>
                  <Dimension name="per_time" t="-1"/>
                  <Unit symbol="per_s" dimension="per_time" power="0"/>
                  <ComponentType name="Grow">
                    <Parameter name="k" dimension="per_time"/>
                    <Dynamics>
                      <StateVariable name="x" dimension="none"/>
                      <TimeDerivative variable="x" value="k * x * x"/>
                      <OnStart><StateAssignment variable="x" value="1"/></OnStart>
                    </Dynamics>
                  </ComponentType>
                  <Grow id="calm" k="1per_s"/>
                    <Grow id="wild" k="50000per_s"/>
                </Lems>
                """);
        Path model = folder.resolve("LEMS_grow.xml");
        Files.writeString(model, """
                <Lems>
                  <Include file="cells.xml"/>
                  <Dimension name="time" t="1"/>
                  <Unit symbol="ms" dimension="time" power="-3"/>
                  <ComponentType name="Sim">
                    <Parameter name="length" dimension="time"/>
                    <Parameter name="step" dimension="time"/>
                    <ComponentReference name="target" type="Grow"/>
                    <Simulation><Run component="target" variable="t" increment="step" total="length"/></Simulation>
                  </ComponentType>
                  <Sim id="sim" length="1ms" step="0.01ms" target="wild"/>
                  <Target component="sim"/>
                </Lems>
                """);
        assertEquals(2, run("simulate", model.toString(), "-o", folder.resolve("out").toString()));
        assertEquals(folder.resolve("cells.xml") + ":13:5: simulation stopped: state variable x of wild became"
                + " Infinity at t = 1.3000000000000002E-4 s (step 13)", last.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aYamlRunThatBlowsUpNamesTheStateAsWrittenAtItsLine() throws IOException {
        Path model = folder.resolve("e.yaml");
        Files.writeString(model, "dynamics:\n  name: Euler\n  parameters:\n    k: {value: 50.0}\n"
                + "  state_variables:\n    y: {equation: {rhs: \"-y\"}, initial_value: 1.0}\n"
                + "    E:\n      equation: {rhs: \"k*E**2\"}\n      initial_value: 1.0\n"
                + "integration: {step_size: 0.1, duration: 100, time_scale: ms}\n");
        assertEquals(2, run("simulate", model.toString(), "-o", folder.resolve("out").toString()));
        assertEquals(model + ":8:7: simulation stopped: state variable E of Euler_inst became Infinity"
                + " at t = 9.000000000000002E-4 s (step 9)", last.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aTvboModelFileOnItsOwnRunsWithTvboDefaultsAndSaysSo() throws IOException {
        String model = "name: Decay\nparameters:\n  k: {value: 0.01}\nstate_variables:\n"
                + "  x: {equation: {rhs: -k*x}, initial_value: 1.0}\n";
        Path alone = folder.resolve("Decay.yaml");
        Files.writeString(alone, model);
        Path around = folder.resolve("around.yaml");
        Files.writeString(around, "dynamics:\n" + model.indent(2)
                + "integration: {method: euler, step_size: 0.01220703125, duration: 1000, time_scale: ms}\n");
        assertEquals(0, run("simulate", alone.toString(), "-o", folder.resolve("alone").toString()), last.err());
        assertEquals(alone + ": warning: a TVBO model file on its own: run as one node with TVBO's default"
                + " integration (euler, step 0.01220703125 ms, 1000 ms); to choose them, write an experiment whose"
                + " dynamics is this model", last.err().lines().findFirst().orElseThrow());
        assertEquals(0, run("simulate", around.toString(), "-o", folder.resolve("around").toString()), last.err());
        byte[] bytes = Files.readAllBytes(folder.resolve("alone/Decay.dat"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("around/Decay.dat")), bytes);
        List<String> rows = Files.readAllLines(folder.resolve("alone/Decay.dat"));
        assertEquals(81921, rows.size());
        // forward Euler of x' = -0.01 x over 81 920 steps of 0.01220703125 ms, in float64 then float32: 4.5372228e-05
        assertEquals("1.0\t4.5372228E-5\t", rows.get(81920));
    }

    /** The project's Ex2 with its outputs replaced by one Display of the tonic cell, as upstream Ex2 has only Displays. */
    private Path displayOnlyEx2() throws IOException {
        String ex2 = Files.readString(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml"));
        int from = ex2.indexOf("<OutputFile");
        int to = ex2.indexOf("</EventOutputFile>") + "</EventOutputFile>".length();
        String display = "<Display id=\"tonic\" title=\"tonic\" timeScale=\"1ms\" xmin=\"0\" xmax=\"200\" ymin=\"-80\""
                + " ymax=\"40\"><Line id=\"v\" quantity=\"izpopTonic[0]/v\" scale=\"1mV\" color=\"#000000\""
                + " timeScale=\"1ms\"/><Line id=\"U\" quantity=\"izpopTonic[0]/U\" scale=\"1\" color=\"#ff0000\""
                + " timeScale=\"1ms\"/></Display>";
        Path model = folder.resolve("Ex2_displays_only.xml");
        Files.writeString(model, ex2.substring(0, from) + display + ex2.substring(to));
        return model;
    }

    @Test
    void aSimulationWithOnlyDisplaysWritesNothingAndSaysSo() throws IOException {
        Path output = folder.resolve("out");
        assertEquals(0, run("simulate", displayOnlyEx2().toString(), "-o", output.toString()), last.err());
        assertEquals("", last.out());
        assertTrue(last.err().contains("note: nothing was written: the Simulation has no OutputFile or"
                + " EventOutputFile (jLEMS only draws Displays; --displays writes them as .dat files, --plot draws"
                + " them)"), last.err());
        try (var files = Files.list(output)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void displaysAreWrittenAsTheOutputFileOfTheSameQuantitiesWouldBe() throws IOException {
        Path output = folder.resolve("out");
        assertEquals(0, run("simulate", displayOnlyEx2().toString(), "--displays", "-o", output.toString()),
                last.err());
        assertEquals("wrote " + output.resolve("tonic.dat") + " (40001 rows)", last.out().strip());
        List<String> reference;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(
                Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz")))) {
            reference = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
        }
        List<String> written = Files.readAllLines(output.resolve("tonic.dat"));
        assertEquals(reference.size(), written.size());
        for (int row = 0; row < reference.size(); row++) {
            String[] fields = reference.get(row).split("\t");
            String expected = fields[0] + "\t" + fields[4] + "\t" + fields[5] + "\t";
            assertEquals(expected, written.get(row), "row " + row);
        }
        assertTrue(Files.readString(output.resolve("tonic.dat.json")).contains(
                "{\"name\":\"v\",\"quantity\":\"izpopTonic[0]/v\",\"unit\":\"V\"}"));
    }

    @Test
    void aDisplayWhoseIdIsNotAFileNameIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path model = displayOnlyEx2();
        Files.writeString(model, Files.readString(model).replace("<Display id=\"tonic\"", "<Display id=\"../up\""));
        Path output = folder.resolve("out");
        assertEquals(2, run("simulate", model.toString(), "--displays", "-o", output.toString()));
        assertTrue(last.err().contains("cannot write this Display as a file: its id '../up' is not a plain file"
                + " name"), last.err());
        assertTrue(Files.notExists(folder.resolve("up.dat")));
    }

    @Test
    void aNeuromlDocumentIsReadWithTheCoreTypesSoWhatItLacksIsTheSimulation() throws IOException {
        Path cell = folder.resolve("cell.nml");
        Files.writeString(cell, "<neuroml id=\"cell\"><izhikevichCell id=\"iz\" v0=\"-70mV\" thresh=\"30mV\" a=\"0.02\""
                + " b=\"0.2\" c=\"-65\" d=\"6\"/></neuroml>");
        assertEquals(2, run("simulate", cell.toString(), "-o", folder.resolve("out").toString()));
        assertTrue(last.err().startsWith(cell + ":0:0: the model has no <Target component=...>"), last.err());
    }

    @Test
    void progressGoesToStderrOnlyWhenAskedForAndChangesNoOutput() throws IOException {
        Path plain = folder.resolve("plain");
        assertEquals(0, run("simulate", "examples/izhikevich-burst.yaml", "-o", plain.toString()), last.err());
        String plainOut = last.out();
        assertEquals("", last.err(), "a captured stderr is not a terminal: no progress by default");

        Path shown = folder.resolve("shown");
        assertEquals(0, run("simulate", "examples/izhikevich-burst.yaml", "-o", shown.toString(), "--progress"),
                last.err());
        assertEquals(plainOut.replace(plain.toString(), shown.toString()), last.out());
        assertArrayEquals(Files.readAllBytes(plain.resolve("IzhikevichBurst.dat")),
                Files.readAllBytes(shown.resolve("IzhikevichBurst.dat")));
        String progress = last.err();
        assertTrue(progress.startsWith("\r") && progress.endsWith("\r"), progress);
        assertTrue(progress.substring(progress.lastIndexOf('\r', progress.length() - 2)).isBlank(),
                "the last write erases the line: " + progress);
        List<Double> percents = java.util.regex.Pattern.compile("simulated \\S+ s of 0\\.2000 s \\(([0-9.]+)%\\)")
                .matcher(progress).results().map(match -> Double.parseDouble(match.group(1))).toList();
        assertTrue(percents.size() >= 1, progress);
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) > percents.get(i - 1), percents.toString());
        }
        assertEquals(100.0, percents.get(percents.size() - 1));
        assertTrue(progress.contains("simulated 0.2000 s of 0.2000 s (100.0%)"), progress);
    }

    @Test
    void onATerminalProgressIsShownUnlessNoProgressSaysOtherwise() {
        String[] args = {"simulate", "examples/izhikevich-burst.yaml", "-o", folder.toString()};
        assertEquals(0, run(CliRun.onTerminal(args)));
        assertTrue(last.err().contains("simulated 0.2000 s of 0.2000 s (100.0%)"), last.err());
        String[] quiet = {"simulate", "examples/izhikevich-burst.yaml", "-o", folder.toString(), "--no-progress"};
        assertEquals(0, run(CliRun.onTerminal(quiet)));
        assertEquals("", last.err());
    }

    @Test
    void twoToTheThirtyOneCellsAreRefusedBySimulateInOneLineWithoutBuildingThem() throws IOException {
        Path file = RunSizeTest.model(folder, "1", "2147483648", "10ms");
        assertEquals(2, run("simulate", file.toString(), "-o", folder.resolve("out").toString()));
        assertEquals(file + ":11:9: the run would build 2 147 483 653 instances, more than the limit of 10 000 000"
                + " [LB502]\n  hint: check the population sizes\n", last.err());
        assertTrue(!Files.exists(folder.resolve("out/out.dat")));
    }
}
