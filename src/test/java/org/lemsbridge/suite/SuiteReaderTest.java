package org.lemsbridge.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;

class SuiteReaderTest {
    @TempDir
    Path folder;

    @Test
    void readsTheBundledEx2Suite() {
        Suite suite = SuiteReader.read(Path.of("examples/suite.yaml"));
        assertEquals("Ex2 Izhikevich validation", suite.name());
        assertEquals(7, suite.cases().size());
        SuiteCase tonic = suite.cases().get(1);
        assertEquals("tonic-yaml", tonic.name());
        assertEquals(new ColumnMapping("izpopTonic[0]/v", "v", null, "mV"), tonic.columns().get(0));
        assertEquals(org.lemsbridge.compare.Tier.EXACT, tonic.tolerance().required());
        assertTrue(tonic.reference().endsWith(Path.of("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz")));
    }

    @Test
    void toleranceOverridesAreNamed() throws IOException {
        write("model.yaml", "x: 1\n");
        write("ref.dat", "0.0\t1.0\t\n");
        Path suite = write("s.yaml", """
                cases:
                  - name: a
                    model: model.yaml
                    reference: ref.dat
                    tolerance: {tier: tolerant, rtol: 0.01, atol: 1.0e-5, min_corr: 0.99}
                """);
        ToleranceSpec tolerance = SuiteReader.read(suite).cases().get(0).tolerance();
        assertEquals(new ToleranceSpec(org.lemsbridge.compare.Tier.TOLERANT, 0.01, 1.0e-5, 0.99), tolerance);
    }

    @Test
    void unknownFieldIsReportedAtItsLineAndColumn() throws IOException {
        write("model.yaml", "x: 1\n");
        write("ref.dat", "0.0\t1.0\t\n");
        Path suite = write("s.yaml", """
                cases:
                  - name: a
                    model: model.yaml
                    reference: ref.dat
                    tolerence: exact
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> SuiteReader.read(suite));
        assertEquals(5, e.location().line());
        assertEquals(5, e.location().column());
        assertTrue(e.getMessage().startsWith("unknown field 'tolerence' in case"), e.getMessage());
    }

    @Test
    void missingModelFileIsReported() throws IOException {
        write("ref.dat", "0.0\t1.0\t\n");
        Path suite = write("s.yaml", "cases:\n  - name: a\n    model: nowhere.yaml\n    reference: ref.dat\n");
        BadInputException e = assertThrows(BadInputException.class, () -> SuiteReader.read(suite));
        assertEquals(suite + ":3:12", e.location().toString());
        assertTrue(e.getMessage().startsWith("no such file or folder"), e.getMessage());
    }

    @Test
    void unknownTierAndMalformedYamlAreBadInput() throws IOException {
        write("model.yaml", "x: 1\n");
        write("ref.dat", "0.0\t1.0\t\n");
        Path tier = write("t.yaml", "cases:\n  - {name: a, model: model.yaml, reference: ref.dat, tolerance: loose}\n");
        assertTrue(assertThrows(BadInputException.class, () -> SuiteReader.read(tier)).getMessage()
                .contains("unknown tolerance tier 'loose'"));
        Path broken = write("b.yaml", "cases: [\n");
        BadInputException e = assertThrows(BadInputException.class, () -> SuiteReader.read(broken));
        assertTrue(e.getMessage().startsWith("malformed YAML"), e.getMessage());
        assertEquals(2, e.location().line());
    }

    private Path write(String name, String text) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, text);
        return path;
    }
}
