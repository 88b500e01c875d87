package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML told apart by its top-level keys, and the escaping of GitHub workflow commands. */
class FileKindTest {

    @TempDir
    Path temp;

    @Test
    void yamlIsToldApartByItsTopLevelKeys() throws IOException {
        assertEquals(FileKind.SUITE, FileKind.of(Path.of("examples/suite.yaml")));
        assertEquals(FileKind.EXPERIMENT, FileKind.of(Path.of("examples/izhikevich-tonic.yaml")));
        assertEquals(FileKind.LEMS, FileKind.of(Path.of("examples/ex2-izhikevich/Ex2_Izh.xml")));
        assertEquals(FileKind.OMV_TEST, FileKind.of(Files.writeString(temp.resolve("t.yaml"),
                "target: LEMS_x.xml\nengine: jNeuroML\n")));
        assertEquals(FileKind.OMV_EXPECTATIONS, FileKind.of(Files.writeString(temp.resolve("x.yaml"),
                "system: a cell\nexperiments: {}\n")));
        Path other = Files.writeString(temp.resolve("mkdocs.yml"), "site_name: docs\n");
        assertEquals(FileKind.OTHER_YAML, FileKind.of(other));
        assertFalse(FileKind.walked(other));
        assertTrue(FileKind.walked(Path.of("examples/suite.yaml")));
        assertEquals(FileKind.EXPERIMENT, FileKind.of(Files.writeString(temp.resolve("bad.yaml"), "a: [\n")),
                "YAML that cannot be composed goes to the experiment reader, which says what is wrong");
    }

    @Test
    void workflowCommandValuesAreEscapedAsGithubDocumentsIt() {
        assertEquals("a%25b%0Ac%0Dd", GithubAnnotations.data("a%b\nc\rd"));
        assertEquals("x%3Ay%2Cz%25", GithubAnnotations.property("x:y,z%"));
    }
}
