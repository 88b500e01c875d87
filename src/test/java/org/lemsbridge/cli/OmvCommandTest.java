package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NeuroML's own OMV tests, run on lemsbridge's simulator, pass with OMV's tolerances. */
class OmvCommandTest {
    private Path examples;
    private Path coreTypes;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void findUpstream() {
        Path shared = Path.of(System.getProperty("lemsbridge.shared", "../shared")).toAbsolutePath().normalize();
        examples = shared.resolve("upstream/NeuroML2/LEMSexamples");
        coreTypes = shared.resolve("upstream/NeuroML2/NeuroML2CoreTypes");
        assumeTrue(Files.isDirectory(examples), "skipped: " + examples + " is absent (needs ../shared/upstream)");
    }

    private int run(String... args) {
        return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @ParameterizedTest
    @CsvSource({"ex0, 4", "ex1, 1", "ex5, 2"})
    void upstreamSpikeTimesPass(String example, int observables) {
        int code = run("omv", examples.resolve("test/.test." + example + ".jnml.omt").toString(),
                "-I", coreTypes.toString(), "-I", examples.resolveSibling("examples").toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().contains(observables + " passed, 0 failed"), out.toString());
    }

    @Test
    void ex2IsADryRun() {
        int code = run("omv", examples.resolve("test/.test.ex2.jnml.omt").toString(), "-I", coreTypes.toString());
        assertEquals(0, code, out + "\n" + err);
        assertTrue(out.toString().startsWith("dry run: the target simulated"), out.toString());
    }

    @Test
    void aShiftedExpectedSpikeFailsAndNamesIt(@TempDir Path folder) throws IOException {
        Files.copy(examples.resolve("LEMS_NML2_Ex0_IaF.xml"), folder.resolve("LEMS_NML2_Ex0_IaF.xml"));
        Path test = Files.createDirectory(folder.resolve("test"));
        Files.copy(examples.resolve("test/.test.ex0.jnml.omt"), test.resolve("t.omt"));
        String mep = Files.readString(examples.resolve("test/.test.ex0.mep"));
        int open = mep.indexOf('[', mep.indexOf("iafTauPop0"));
        int comma = mep.indexOf(',', open);
        double first = Double.parseDouble(mep.substring(open + 1, comma).trim());
        Files.writeString(test.resolve(".test.ex0.mep"),
                mep.substring(0, open + 1) + (first + 0.5) + mep.substring(comma));
        int code = run("omv", test.resolve("t.omt").toString(), "-I", coreTypes.toString());
        assertEquals(1, code, out + "\n" + err);
        assertTrue(out.toString().contains("iafTauPop0: FAIL: 1 of 7 spikes outside tolerance"), out.toString());
        assertTrue(out.toString().contains("3 passed, 1 failed"), out.toString());
    }
}
