package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tonic seed, simulated, against jLEMS's Ex2 reference: matched by name, mV aligned with V. */
class CompareCommandTest {
    @TempDir
    static Path folder;

    private static Path tonic;

    private CliRun last;

    @BeforeAll
    static void simulateTheTonicSeed() {
        assertEquals(0, CliRun.of("simulate", "examples/izhikevich-tonic.yaml", "-o", folder.toString()).exitCode());
        tonic = folder.resolve("IzhikevichCell.dat");
    }

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void picksTheTonicVoltageByNameFromTheLemsFileAndPassesExact() {
        int code = run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.toString(),
                "--ref-lems", "examples/ex2-izhikevich/Ex2_Izh.xml", "--columns", "izpopTonic[0]/v=v",
                "--candidate-unit", "v=mV", "--tier", "exact");
        assertEquals(0, code, last.describe());
        assertTrue(last.out().contains("PASS (exact; required exact)"), last.out());
        assertTrue(last.out().contains("izpopTonic[0]/v  v          exact  V"), last.out());
        assertTrue(last.out().contains("  9/9              none"), "spikes from the model's thresh and reset: "
                + last.out());
    }

    @Test
    void theBurstingCellsRecoveryVariableIsNotTheTonicVoltage() {
        int code = run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.toString(),
                "--columns", "izpopBurst[0]/U=v", "--candidate-unit", "v=mV", "--tier", "exact");
        assertEquals(1, code, last.describe());
        String text = last.out();
        assertTrue(text.contains("units do not align: reference in 1 (dimensionless), candidate v in mV (voltage)"),
                text);
        assertTrue(text.lines().anyMatch(line -> line.startsWith("izpopBurst[0]/U  v ")
                && line.matches(".* -  +-$")), "a recovery variable has no spike train: " + text);
    }

    @Test
    void jsonFormatPrintsOnlyJson() {
        int code = run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.toString(),
                "--columns", "izpopTonic[0]/U=U", "--tier", "exact", "--format", "json");
        assertEquals(0, code, last.describe());
        String json = last.out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        assertTrue(json.contains("\"maxAbsError\": 0"), json);
    }

    /** The tonic seed run for {@code duration} ms instead of 200: a simulation that stopped early. */
    static Path shortTonicRun(Path folder, String duration) throws IOException {
        String seed = Files.readString(Path.of("examples/izhikevich-tonic.yaml"));
        assertTrue(seed.contains("  duration: 200.0\n"));
        Path model = folder.resolve("tonic-" + duration + "ms.yaml");
        Files.writeString(model, seed.replace("  duration: 200.0\n", "  duration: " + duration + "\n"));
        Path output = folder.resolve("out-" + duration);
        assertEquals(0, CliRun.of("simulate", model.toString(), "-o", output.toString()).exitCode());
        return model;
    }

    @Test
    void aRunThatStoppedEarlyFailsEveryTierAndSaysWhereItEnds() throws IOException {
        shortTonicRun(folder, "20.0");
        Path candidate = folder.resolve("out-20.0/IzhikevichCell.dat");
        for (String tier : new String[] {"exact", "strict", "tolerant"}) {
            int code = run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", candidate.toString(),
                    "--columns", "izpopTonic[0]/v=v,izpopTonic[0]/U=U", "--candidate-unit", "v=mV", "--tier", tier);
            assertEquals(1, code, last.describe());
            String text = last.out();
            assertTrue(text.contains("\nFAIL (fail; required " + tier + ")\n"), text);
            assertTrue(text.contains("\n  coverage: the candidate (4001 rows) ends at t = 0.02 s, 0.18 s before the"
                    + " reference's last time (0.2 s); the reference has 40001 rows from 0 to 0.2 s; a window"
                    + " (--window T0:T1, or window: in a suite case) compares a part on purpose\n"), text);
            assertTrue(text.contains("time grids identical on 4001 of 40001 reference rows (candidate 4001 rows),"
                    + " compared point by point"), text);
        }
        int code = run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", candidate.toString(),
                "--columns", "izpopTonic[0]/v=v,izpopTonic[0]/U=U", "--candidate-unit", "v=mV", "--tier", "exact",
                "--window", "0:20ms", "--format", "json");
        assertEquals(0, code, last.describe());
        assertTrue(last.out().contains("\"rowsCompared\": 4001"), last.out());
        assertTrue(last.out().contains("\"coverage\": \"\""), last.out());
    }

    @Test
    void aWindowThatIsNotOneIsBadInput() {
        assertEquals(2, run("compare", "reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz", tonic.toString(),
                "--window", "20ms:10ms"));
        assertEquals("--window:0:0: a window needs a start before its end, got 0.02 to 0.01 s",
                last.err().strip());
    }

    @Test
    void aMissingReferenceIsBadInput() {
        assertEquals(2, run("compare", folder.resolve("nothing.dat").toString(), tonic.toString()));
        assertEquals(1, last.err().strip().lines().count(), last.err());
        assertTrue(Files.notExists(folder.resolve("nothing.dat")));
    }

    @Test
    void aFileThatIsNotATraceIsRefusedInOneLineWithExitTwo() throws IOException {
        Path comma = folder.resolve("comma.dat");
        Files.writeString(comma, ",\n");
        Path ok = folder.resolve("ok.dat");
        Files.writeString(ok, "0.0\t1.0\t\n1.0E-4\t2.0\t\n");
        assertEquals(2, run("compare", ok.toString(), comma.toString()));
        assertEquals(comma + ":1:1: not a trace file: the first line that is not blank holds no fields\n",
                last.err());
        assertEquals("", last.out());
    }
}
