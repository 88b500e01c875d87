package org.lemsbridge.lems.jaxb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LemsSchemaTest {

    private static final LemsSchema SCHEMA = LemsSchema.bundled();

    @Test
    void everyUpstreamLemsFileIsValid() {
        assertAllValid(LemsCorpus.upstreamFiles());
    }

    @Test
    void everyUpstreamNeuroMlFileIsValid() {
        assertAllValid(LemsCorpus.upstreamNeuroMlFiles());
    }

    @Test
    void theBundledCoreTypesAndExamplesAreValid() {
        List<Path> files = LemsCorpus.projectFiles();
        assertTrue(files.size() >= 9, "expected the bundled core types and examples, found " + files);
        assertAllValid(files);
    }

    @Test
    void theRenderedSeedsAreValid() {
        for (LemsCorpus.Rendered rendered : LemsCorpus.renderedSeeds()) {
            assertEquals(List.of(), SCHEMA.validate(rendered.xml(), rendered.seed()), rendered.seed());
        }
    }

    private static void assertAllValid(List<Path> files) {
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            SCHEMA.validate(file).forEach(v -> problems.add(v.toString()));
        }
        assertEquals(List.of(), problems, problems.size() + " violations in " + files.size() + " files");
    }
}
