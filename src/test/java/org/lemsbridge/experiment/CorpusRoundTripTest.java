package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusRoundTripTest {

    static Path corpus() {
        try {
            return Path.of(CorpusRoundTripTest.class.getResource("/org/lemsbridge/experiment/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Path> corpusFiles() throws IOException {
        try (Stream<Path> files = Files.list(corpus())) {
            List<Path> yamls = files.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            assertTrue(yamls.size() >= 12, "corpus has " + yamls.size() + " files");
            return yamls.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void readWriteReadIsTheIdentity(Path file) {
        Experiment first = ExperimentReader.read(file);
        String written = ExperimentWriter.write(first);
        Experiment second = ExperimentReader.read(written, "written-" + file.getFileName(), null);
        assertEquals(first.withoutLocations(), second.withoutLocations(), written);
        assertEquals(written, ExperimentWriter.write(second), "writing is stable");
    }
}
