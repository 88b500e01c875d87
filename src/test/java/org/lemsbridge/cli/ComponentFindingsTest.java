package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.cli.CliRun;
import org.lemsbridge.validate.FileReport;
import org.lemsbridge.validate.Finding;
import org.lemsbridge.validate.Validator;

/**
 * The mistakes a user makes on a component (a misspelled attribute, a parameter left out, a unit typo, a unit of
 * the wrong dimension) are findings at the user's line, with the name it was meant to be, and simulate refuses the
 * same model with the same first finding instead of an error inside the bundled core types.
 */
class ComponentFindingsTest {

    @TempDir
    Path temp;

    /** One iafTauCell recorded to out.dat; BuildFindingsTest mutates the same model (its line numbers matter). */
    static final String MODEL = """
            <Lems>
                <Target component="sim1"/>
                <Include file="Cells.xml"/>
                <Include file="Networks.xml"/>
                <Include file="Simulation.xml"/>
                <iafTauCell id="iaf" leakReversal="-65mV" thresh="-55mV" reset="-70mV" tau="30ms"/>
                <network id="net">
                    <population id="iafPop" component="iaf" size="1"/>
                </network>
                <Simulation id="sim1" length="10ms" step="0.01ms" target="net">
                    <OutputFile id="of" fileName="out.dat">
                        <OutputColumn id="v" quantity="iafPop[0]/v"/>
                    </OutputFile>
                </Simulation>
            </Lems>
            """;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path model(String from, String to) throws IOException {
        return modelWith(temp, from, to);
    }

    /** {@link #MODEL} with {@code from} (which it must hold) replaced by {@code to}, written to FOLDER/model.xml. */
    static Path modelWith(Path folder, String from, String to) throws IOException {
        assertTrue(MODEL.contains(from), from);
        return Files.writeString(folder.resolve("model.xml"), MODEL.replace(from, to));
    }

    private static List<String> codesAndPlaces(FileReport report) {
        return report.findings().stream().filter(Finding::isError)
                .map(f -> f.code().id() + "@" + f.location().line() + ":" + f.location().column()).toList();
    }

    private CliRun simulate(Path file) {
        return run("simulate", file.toString(), "-o", temp.resolve("out").toString());
    }

    @Test
    void theModelItselfIsValidAndRuns() throws IOException {
        Path file = model("", "");
        assertEquals(List.of(), codesAndPlaces(Validator.of(List.of()).validate(file)));
        assertEquals(0, simulate(file).exitCode());
    }

    @Test
    void aMisspelledAttributeIsNamedWithTheOneItWasMeantToBe() throws IOException {
        Path file = model("thresh=", "threshh=");
        FileReport report = Validator.of(List.of()).validate(file);
        assertEquals(List.of("LB210@6:47", "LB211@6:5"), codesAndPlaces(report));
        assertEquals("iaf (iafTauCell) has no attribute 'threshh'", report.findings().get(0).message());
        assertEquals("did you mean 'thresh'?", report.findings().get(0).hint());
        assertEquals("iaf (iafTauCell) gives no value for its parameter 'thresh' (voltage)",
                report.findings().get(1).message());
        CliRun simulated = simulate(file);
        assertEquals(2, simulated.exitCode());
        assertEquals(file + ":6:47: iaf (iafTauCell) has no attribute 'threshh' [LB210]\n"
                + "  hint: did you mean 'thresh'?\n", simulated.err());
        assertFalse(Files.exists(temp.resolve("out/out.dat")));
    }

    @Test
    void aParameterLeftOutIsAFindingAtTheComponent() throws IOException {
        Path file = model("reset=\"-70mV\" ", "");
        assertEquals(List.of("LB211@6:5"), codesAndPlaces(Validator.of(List.of()).validate(file)));
        CliRun simulated = simulate(file);
        assertEquals(2, simulated.exitCode());
        assertTrue(simulated.err().startsWith(file + ":6:5: iaf (iafTauCell) gives no value for its parameter"
                + " 'reset' (voltage) [LB211]"), simulated.err());
    }

    @Test
    void aUnitTypoIsAFindingWithTheClosestUnitOfTheRightDimension() throws IOException {
        Path file = model("30ms", "30mss");
        CliRun validated = run("validate", file.toString());
        assertEquals(1, validated.exitCode());
        assertEquals(file + ":6:76: error LB212: parameter 'tau' of iafTauCell: unknown unit 'mss' in quantity"
                + " '30mss'\n  hint: did you mean 'ms'?\n", validated.out());
        assertEquals("", validated.err());
        assertEquals(2, simulate(file).exitCode());
    }

    @Test
    void aUnitOfTheWrongDimensionIsAFinding() throws IOException {
        Path file = model("30ms", "30mV");
        FileReport report = Validator.of(List.of()).validate(file);
        assertEquals(List.of("LB212@6:76"), codesAndPlaces(report));
        assertEquals("parameter 'tau' of iafTauCell: quantity '30mV' has unit 'mV' of voltage (m=1 l=2 t=-3 i=-1),"
                + " but time (t=1) is expected", report.findings().get(0).message());
    }

    @Test
    void everyUnitProblemOfAFileIsListedNotOnlyTheFirst() throws IOException {
        Path file = model("tau=\"30ms\"", "tau=\"30mss\" ").toAbsolutePath();
        Files.writeString(file, Files.readString(file).replace("thresh=\"-55mV\"", "thresh=\"-55 mA\""));
        FileReport report = Validator.of(List.of()).validate(file);
        assertEquals(List.of("LB212@6:47", "LB212@6:77"), codesAndPlaces(report));
        assertTrue(report.findings().get(0).message().startsWith("parameter 'thresh'"), report.findings().toString());
        assertTrue(report.findings().get(1).message().startsWith("parameter 'tau'"), report.findings().toString());
    }

    @Test
    void aNeuromlOnlyAttributeIsNoFinding() throws IOException {
        Path file = Files.writeString(temp.resolve("cells.nml"), """
                <neuroml id="cells">
                    <ionChannelHH id="pas" conductance="10pS" species="non_specific"/>
                    <pulseGenerator id="pulse" delay="10ms" duration="20ms" amplitude="1nA"/>
                    <network id="net" temperature="6.3degC">
                        <population id="pop" component="pulse" size="1" extracellularProperties="extra"/>
                    </network>
                </neuroml>
                """);
        assertEquals(List.of(), codesAndPlaces(Validator.of(List.of()).validate(file)));
        Files.writeString(file, Files.readString(file).replace("amplitude=\"1nA\"", "amplitud=\"1nA\""));
        FileReport report = Validator.of(List.of()).validate(file);
        assertEquals(List.of("LB210@3:61", "LB211@3:5"), codesAndPlaces(report));
        assertEquals("did you mean 'amplitude'?", report.findings().get(0).hint());
    }
}
