package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void theBurstSeedWritesJlemsRowsAndASidecar() throws IOException {
        assertEquals(0, run("simulate", "examples/izhikevich-burst.yaml", "-o", folder.toString()), err.toString());
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
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals(2, lines.size(), err.toString());
        assertEquals(model + ":0:0: simulation stopped: state variable x of Blow_inst became Infinity"
                + " at t = 9.000000000000002E-4 s (step 9)", lines.get(0));
        assertTrue(lines.get(1).startsWith("  hint: "), lines.get(1));
        try (var files = Files.list(output)) {
            assertEquals(0, files.count());
        }
    }
}
