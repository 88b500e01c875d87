package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project's own jnml-way fixtures ({@code src/test/resources/org/lemsbridge/jnml}, see its README): each model,
 * simulated with no option but the output folder, writes the files jLEMS 0.11.1 wrote for it, byte for byte.
 */
class JnmlFixturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"report_and_times", "multi_instantiate_type", "meta_ignored", "select_predicate"})
    void writesJlemsBytes(String name, @TempDir Path out) throws IOException, URISyntaxException {
        Path folder = Path.of(JnmlFixturesTest.class.getResource("/org/lemsbridge/jnml/").toURI());
        CliRun run = CliRun.of("simulate", folder.resolve(name + ".xml").toString(), "-o", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<Path> expected;
        try (Stream<Path> files = Files.list(folder.resolve("jlems").resolve(name))) {
            expected = files.filter(f -> !f.getFileName().toString().startsWith("report.")).sorted().toList();
        }
        for (Path jlems : expected) {
            assertArrayEquals(Files.readAllBytes(jlems), Files.readAllBytes(out.resolve(jlems.getFileName())),
                    name + ": " + jlems.getFileName() + " differs from jLEMS's");
        }
        assertEquals(name.equals("report_and_times") ? 2 : 1, expected.size());
    }
}
