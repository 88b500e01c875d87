package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.lemsbridge.testing.SharedFolder;

/**
 * {@code validate} on the upstream LEMS examples jLEMS runs: no error findings. Warnings are allowed (they are
 * about mismatches inside the NeuroML core types, which jLEMS runs regardless).
 */
class UpstreamExamplesTest {

    private static Path shared(String relative) {
        return SharedFolder.file(relative);
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    @Test
    void neuroml2LemsExamplesHaveNoErrors() throws IOException {
        Path examples = shared("upstream/NeuroML2/LEMSexamples");
        Validator validator = Validator.of(List.of(shared("upstream/NeuroML2/NeuroML2CoreTypes"),
                shared("upstream/NeuroML2/examples")));
        Map<String, String> unreadable = new TreeMap<>();
        Set<String> warned = new TreeSet<>();
        List<Path> files = xmlFiles(examples);
        assertEquals(31, files.size());
        for (Path file : files) {
            FileReport report = validator.validate(file);
            if (report.isUnreadable()) {
                unreadable.put(file.getFileName().toString(), report.unreadable().getMessage());
            } else if (file.getFileName().toString().equals("LEMS_NML2_Ex25_MultiComp.xml")) {
                // simulate cannot build it (as jLEMS, it has no multi-compartment cells): validate says where
                assertEquals(List.of("LB213 NML2_MultiCompCellNetwork.nml:46:13"), report.findings().stream()
                        .filter(Finding::isError).map(f -> f.code().id() + " " + Path.of(f.location().file())
                                .getFileName() + ":" + f.location().line() + ":" + f.location().column()).toList());
            } else {
                assertEquals(List.of(), report.findings().stream().filter(Finding::isError).toList(), file.toString());
                if (report.warnings() > 0) {
                    warned.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(Map.of(), unreadable);
        assertEquals(Set.of("LEMS_NML2_Ex14_PyNN.xml", "LEMS_NML2_Ex22_PinskyRinzelCA3.xml"), warned,
                "files with warnings from the NeuroML core types");
    }

    @Test
    void neuroml2DocumentsHaveNoErrorsWithTheBundledCoreTypesAlone() throws IOException {
        Path examples = shared("upstream/NeuroML2/examples");
        List<Path> files;
        try (Stream<Path> listed = Files.list(examples)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".nml")).sorted().toList();
        }
        assertEquals(17, files.size());
        Validator validator = Validator.of(List.of());
        for (Path file : files) {
            FileReport report = validator.validate(file);
            assertEquals(0, report.exitCode(), () -> file + ": " + (report.isUnreadable()
                    ? report.unreadable().getMessage() : report.findings().toString()));
        }
    }

    @Test
    void lemsExamplesHaveNoErrors() throws IOException {
        Path examples = shared("upstream/LEMS/examples");
        Validator validator = Validator.of(List.of());
        List<Path> files = xmlFiles(examples);
        assertEquals(18, files.size());
        for (Path file : files) {
            FileReport report = validator.validate(file);
            assertEquals(0, report.exitCode(), () -> file + ": " + (report.isUnreadable()
                    ? report.unreadable().getMessage() : report.findings().toString()));
        }
    }

    @Test
    void theNeuromlSchemaFindsAMisspelledAttributeAtItsLine() throws IOException {
        Path xsd = shared("upstream/NeuroML2/Schemas/NeuroML2").resolve("NeuroML_v2.3.1.xsd");
        Path cell = shared("upstream/NeuroML2/examples").resolve("NML2_SingleCompHHCell.nml");
        Validator validator = Validator.withSchema(List.of(shared("upstream/NeuroML2/NeuroML2CoreTypes")), xsd);
        assertEquals(List.of(), validator.validate(cell).findings().stream()
                .filter(f -> f.code() == Code.SCHEMA).toList());
        Path broken = Files.createTempFile("misspelled", ".nml");
        try {
            Files.writeString(broken, Files.readString(cell).replace("<ionChannelHH id=\"passiveChan\"",
                    "<ionChannelHH idd=\"passiveChan\""));
            List<Finding> schema = validator.validate(broken).findings().stream()
                    .filter(f -> f.code() == Code.SCHEMA).toList();
            assertEquals(2, schema.size(), schema.toString());
            assertEquals(13, schema.get(0).location().line());
            assertEquals(true, schema.get(0).message().contains("idd"), schema.get(0).message());
        } finally {
            Files.delete(broken);
        }
    }

    /** An OMV jNeuroML_validate test validates every file its target names (17 and 14 files upstream). */
    @Test
    void theJnmlValidateTestsValidateTheFilesTheirTargetsName() throws IOException {
        Path xsd = shared("upstream/NeuroML2/Schemas/NeuroML2").resolve("NeuroML_v2.3.1.xsd");
        Validator validator = Validator.withSchema(List.of(), xsd);
        for (String test : List.of("test/.test.validate.omt", "morphologies/.test.validate.omt")) {
            FileReport report = validator.validate(shared("upstream/NeuroML2/LEMSexamples/" + test));
            assertEquals(List.of(), report.findings().stream().filter(Finding::isError).toList(), test);
        }
        Path folder = Files.createTempDirectory("validate-omt");
        try {
            Files.writeString(folder.resolve("t.omt"), "target: \"*.nml\"\nengine: jNeuroML_validate\n");
            List<Finding> none = validator.validate(folder.resolve("t.omt")).findings();
            assertEquals(List.of("no file matches the target '*.nml'"), none.stream().map(Finding::message).toList());
            Files.writeString(folder.resolve("a.nml"), Files.readString(shared("upstream/NeuroML2/examples")
                    .resolve("NML2_SingleCompHHCell.nml")).replace("<ionChannelHH id=\"passiveChan\"",
                            "<ionChannelHH idd=\"passiveChan\""));
            List<Finding> broken = validator.validate(folder.resolve("t.omt")).findings().stream()
                    .filter(f -> f.code() == Code.SCHEMA).toList();
            assertEquals(13, broken.get(0).location().line(), broken.toString());
            Files.delete(folder.resolve("a.nml"));
        } finally {
            Files.delete(folder.resolve("t.omt"));
            Files.delete(folder);
        }
    }
}
