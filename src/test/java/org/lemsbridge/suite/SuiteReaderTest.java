package org.lemsbridge.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.files.Confinement;

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
        assertTrue(e.getMessage().startsWith("invalid YAML: "), e.getMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void suitesAreReadUnderTheOneYamlPolicy() throws IOException {
        StringBuilder laughs = new StringBuilder("cases:\n  - &c0 {name: a, model: m.yaml}\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("  - &c").append(i).append(" [").append(("*c" + (i - 1) + ", ").repeat(4)).append("*c")
                    .append(i - 1).append("]\n");
        }
        Path bomb = write("bomb.yaml", laughs.toString());
        BadInputException e = assertThrows(BadInputException.class, () -> SuiteReader.read(bomb));
        assertTrue(e.oneLine().startsWith(bomb + ":2:"), e.oneLine());
        assertTrue(e.oneLine().endsWith(": the document expands to more than 200000 nodes (too many aliases?)"),
                e.oneLine());
        Path twice = write("twice.yaml", "suite: a\ncases: []\nsuite: b\n");
        assertEquals(twice + ":3:1: duplicate key 'suite' (first given at line 1)",
                assertThrows(BadInputException.class, () -> SuiteReader.read(twice)).oneLine());
        Path missing = folder.resolve("missing.yaml");
        assertEquals(missing + ":0:0: file not found",
                assertThrows(BadInputException.class, () -> SuiteReader.read(missing)).oneLine());
    }

    @Test
    void pathsInsideTheSuitesConfineFoldersAreAllowedAndThoseOutsideRefusedAtTheirLine() throws IOException {
        Path models = Files.createDirectory(folder.resolve("models"));
        Files.writeString(models.resolve("model.yaml"), "x: 1\n");
        Path suites = Files.createDirectory(folder.resolve("suites"));
        Files.writeString(suites.resolve("ref.dat"), "0.0\t1.0\t\n");
        Path inside = Files.writeString(suites.resolve("in.yaml"), """
                confine: [., ../models]
                cases:
                  - {name: a, model: ../models/model.yaml, reference: ref.dat}
                """);
        Suite suite = SuiteReader.read(inside);
        assertEquals(List.of(suites.toRealPath(), models.toRealPath()), suite.cases().get(0).confinement().folders());
        assertTrue(suite.cases().get(0).confinement().allows(suite.cases().get(0).model()));

        Path outside = Files.writeString(suites.resolve("out.yaml"), """
                confine: .
                cases:
                  - {name: a, model: ../models/model.yaml, reference: ref.dat}
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> SuiteReader.read(outside));
        assertEquals(outside + ":3:22", e.location().toString());
        assertEquals("'../models/model.yaml' resolves to " + models.toRealPath().resolve("model.yaml")
                + ", outside the confine folders [" + suites.toRealPath() + "]", e.getMessage());
    }

    @Test
    void theCommandsConfinementBoundsASuiteWithoutItsOwn() throws IOException {
        write("model.yaml", "x: 1\n");
        write("ref.dat", "0.0\t1.0\t\n");
        Path suite = write("s.yaml", "cases:\n  - {name: a, model: model.yaml, reference: ref.dat}\n");
        assertEquals(List.of(folder.toRealPath()), SuiteReader.read(suite, Confinement.to(List.of(folder)))
                .cases().get(0).confinement().folders());
        Path elsewhere = Files.createDirectory(folder.resolve("elsewhere"));
        BadInputException e = assertThrows(BadInputException.class,
                () -> SuiteReader.read(suite, Confinement.to(List.of(elsewhere))));
        assertEquals(suite + ":2:22", e.location().toString());
    }

    private Path write(String name, String text) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, text);
        return path;
    }
}
