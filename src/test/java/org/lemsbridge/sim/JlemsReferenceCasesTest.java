package org.lemsbridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.testing.SharedFolder;
import org.lemsbridge.testing.DatFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every case in {@code shared/reference-data} (traces written by jLEMS 0.11.1): our simulator must write the same
 * number of rows and every column within max|Δ| ≤ 1e-6 × max|ref|.
 */
class JlemsReferenceCasesTest {

    static final double RELATIVE_TOLERANCE = 1e-6;

    static Stream<Arguments> cases() throws IOException {
        Path data = SharedFolder.location().resolve("reference-data");
        if (!Files.isDirectory(data)) {
            return Stream.of(Arguments.of("(shared reference data absent)", SimulationOptions.Execution.COMPILED));
        }
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> folders = Files.list(data)) {
            folders.filter(f -> Files.isRegularFile(f.resolve("manifest.json"))).sorted()
                    .forEach(f -> {
                        cases.add(Arguments.of(f.getFileName().toString(), SimulationOptions.Execution.INTERPRETED));
                        cases.add(Arguments.of(f.getFileName().toString(), SimulationOptions.Execution.COMPILED));
                    });
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void matchesJlemsReference(String example, SimulationOptions.Execution kernels, @TempDir Path out)
            throws IOException {
        Path folder = SharedFolder.file("reference-data/" + example);
        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("manifest.json").toFile());
        Path upstream = SharedFolder.file("upstream");
        List<Path> searchPath = example.startsWith("jlems_")
                ? List.of(upstream.resolve("LEMS/examples"))
                : List.of(upstream.resolve("NeuroML2/NeuroML2CoreTypes"), upstream.resolve("NeuroML2/LEMSexamples"),
                        upstream.resolve("NeuroML2/examples"));
        LemsModel model = LemsReader.read(folder.resolve(manifest.get("lems_file").asText()), searchPath);
        SimulationResult result = Simulator.build(model, SimulationOptions.writingTo(out).withExecution(kernels)).run();
        assertEquals(manifest.get("expected_rows").asLong(), result.steps() + 1, "rows");
        StringBuilder report = new StringBuilder();
        boolean allWithin = true;
        for (JsonNode file : manifest.get("files")) {
            Path reference = folder.resolve(file.get("stored_as").asText());
            Path written = out.resolve(file.get("file").asText());
            assertTrue(Files.exists(written), "missing output " + written.getFileName());
            List<double[]> ref = DatFiles.read(reference);
            List<double[]> ours = DatFiles.read(written);
            assertEquals(file.get("rows").asInt(), ours.size(), "rows of " + written.getFileName());
            assertEquals(ref.size(), ours.size(), "rows of " + written.getFileName());
            if (Runtime.version().feature() <= 18) {
                // the references were written on JDK 17, whose Float.toString we share (JDK 19 changed it)
                assertTrue(DatFiles.sameText(reference, written), written.getFileName() + " is not byte-identical");
            }
            for (DatFiles.ColumnDifference d : DatFiles.compare(ref, ours, RELATIVE_TOLERANCE)) {
                String column = file.get("columns").get(d.column()).get("quantity").asText();
                report.append(String.format("%s %s %s [%s]: max|d| = %.3g (max|ref| = %.3g)%s%n", example, kernels,
                        written.getFileName(), column, d.maxAbsDiff(), d.maxAbsRef(),
                        d.within(RELATIVE_TOLERANCE) ? "" : "  FAIL from row " + d.firstBadRow()));
                allWithin &= d.within(RELATIVE_TOLERANCE);
            }
        }
        System.out.print(report);
        assertTrue(allWithin, report.toString());
    }
}
