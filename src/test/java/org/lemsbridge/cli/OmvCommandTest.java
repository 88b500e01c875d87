package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.testing.SharedFolder;

/** NeuroML's own OMV tests, run on lemsbridge's simulator the jnml way (no -I), pass with OMV's tolerances. */
class OmvCommandTest {
    private Path examples;

    private CliRun last;

    @BeforeEach
    void findUpstream() {
        examples = SharedFolder.file("upstream/NeuroML2/LEMSexamples");
    }

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    /** The acceptance run: every jNeuroML test of the folder passes, every other engine's is skipped. */
    @Test
    void everyJnmlTestOfTheUpstreamFolderPassesAndOtherEnginesAreSkippedByName(@TempDir Path folder)
            throws IOException {
        Path junit = folder.resolve("omv.xml");
        int code = run("omv", examples.resolve("test").toString(), "--junit", junit.toString());
        assertEquals(0, code, last.describe());
        List<String> lines = last.out().lines().toList();
        List<String> tests = lines.stream().filter(l -> !l.startsWith(" ") && !l.startsWith("omv:")).toList();
        long jnml = tests.stream().filter(l -> l.matches("PASS .*\\.jnml\\.omt.*")).count();
        assertEquals(29, jnml, last.out());
        assertTrue(tests.stream().filter(l -> !l.matches("PASS .*\\.jnml\\.omt.*"))
                .allMatch(l -> l.startsWith("SKIPPED ") && l.contains(": engine ")), last.out());
        assertTrue(lines.contains("PASS " + examples.resolve("test/.test.ex9.jnml.omt")), last.out());
        assertTrue(lines.contains("  V (spike times): PASS: 6 values within tolerance 0"), last.out());
        assertTrue(lines.contains("  spikerate (spike rate): PASS: observed 13.333333333333332, expected"
                + " 13.333333333333332, within tolerance 0"), last.out());
        assertTrue(lines.contains("SKIPPED " + examples.resolve("test/.test.ex5.jnmlnrn.omt")
                + ": engine jNeuroML_NEURON (lemsbridge stands in for jLEMS and jNeuroML, and for"
                + " jNeuroML_validate given --schema)"), last.out());
        assertTrue(lines.contains("SKIPPED " + examples.resolve("test/.test.validate.omt") + ": engine"
                + " jNeuroML_validate needs NeuroML's XML schema, which jnml bundles: give --schema"
                + " .../NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd"), last.out());
        String summary = lines.get(lines.size() - 1);
        assertTrue(summary.startsWith("omv: " + tests.size() + " tests: 29 passed, 0 failed, 0 errors, "
                + (tests.size() - 29) + " skipped; "), summary);
        assertTrue(summary.contains("jNeuroML_NEURON 22"), summary);
        String xml = Files.readString(junit);
        assertTrue(xml.contains("<testsuite name=\"omv\" tests=\"" + tests.size() + "\" failures=\"0\" errors=\"0\""
                + " skipped=\"" + (tests.size() - 29) + "\""), xml);
    }

    /** OMV's jNeuroML_validate tests, given NeuroML's schema: jnml -validate passes every file both targets name. */
    @Test
    void theUpstreamValidateTestsPassGivenTheSchema() {
        Path xsd = SharedFolder.file("upstream/NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd");
        Path examplesTest = examples.resolve("test/.test.validate.omt");
        Path morphologiesTest = examples.resolve("morphologies/.test.validate.omt");
        int code = run("omv", examplesTest.toString(), morphologiesTest.toString(), "--schema", xsd.toString());
        assertEquals(0, code, last.describe());
        assertEquals(List.of("PASS " + examplesTest + ": jnml -validate: 17 files, all valid",
                "PASS " + morphologiesTest + ": jnml -validate: 14 files, all valid",
                "omv: 2 tests: 2 passed, 0 failed, 0 errors, 0 skipped; 0 checks, 0 failed"),
                last.out().lines().toList());
    }

    /** A file of the target that breaks one of jnml's tests fails the test, at the file's line. */
    @Test
    void aValidateTestFailsOnAFileJnmlRejects(@TempDir Path folder) throws IOException {
        Path xsd = SharedFolder.file("upstream/NeuroML2/Schemas/NeuroML2/NeuroML_v2.3.1.xsd");
        String cell = Files.readString(examples.resolve("../examples/NML2_SingleCompHHCell.nml"));
        Files.writeString(folder.resolve("good.nml"), cell);
        Files.writeString(folder.resolve("bad.nml"), cell.replace("<population id=\"hhpop\" component=\"hhcell\"",
                "<population id=\"hhpop\" component=\"hhcel\""));
        Files.writeString(folder.resolve(".t.omt"), "target: \"*.nml\"\nengine: jNeuroML_validate\n");
        int code = run("omv", folder.resolve(".t.omt").toString(), "--schema", xsd.toString());
        assertEquals(1, code, last.describe());
        List<String> lines = last.out().lines().toList();
        assertEquals("FAIL " + folder.resolve(".t.omt") + ": jnml -validate: 2 files, 1 not valid", lines.get(0));
        assertTrue(lines.get(1).matches("  .*bad\\.nml:\\d+:\\d+: Test: 10020 \\(Component in population should exist\\)"
                + " failed! \\.\\.\\. Component: hhcel in hhpop not found!.*"), lines.get(1));
        assertEquals(3, lines.size(), last.out());
    }

    @Test
    void ex2IsADryRun() {
        Path test = examples.resolve("test/.test.ex2.jnml.omt");
        int code = run("omv", test.toString());
        assertEquals(0, code, last.describe());
        assertTrue(last.out().startsWith("PASS " + test + " (dry run: the target simulated without error)"),
                last.out());
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
        int code = run("omv", test.resolve("t.omt").toString(), "--format", "json");
        assertEquals(1, code, last.describe());
        assertTrue(last.out().contains("iafTauPop0 (spike times): FAIL: 1 of 7 outside tolerance"), last.out());
        assertTrue(last.out().contains("\"failed\": 1"), last.out());
        assertEquals(1, run("omv", test.toString()));
        assertTrue(last.out().endsWith("omv: 1 tests: 0 passed, 1 failed, 0 errors, 0 skipped; 4 checks, 1 failed"
                + System.lineSeparator()), last.out());
    }
}
