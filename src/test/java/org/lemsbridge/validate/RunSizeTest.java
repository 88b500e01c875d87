package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.lems.LemsReader;

/** Populations too large to build are refused from the model's numbers, before anything is built. */
public class RunSizeTest {

    @TempDir
    Path temp;

    /** {@code run-size-model.xml} with its population sizes and run length filled in, written to {@code folder}. */
    public static Path model(Path folder, String sizeA, String sizeB, String length) throws IOException {
        try (var in = RunSizeTest.class.getResourceAsStream("run-size-model.xml")) {
            String model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Files.writeString(folder.resolve("model.xml"), model.replace("SIZE_A", sizeA)
                    .replace("SIZE_B", sizeB).replace("LENGTH", length));
        }
    }

    private Path model(String sizeA, String sizeB, String length) throws IOException {
        return model(temp, sizeA, sizeB, length);
    }

    private static List<Finding> sizeFindings(Path file, long maxHeap) {
        return RunSize.check(LemsReader.read(file, List.of()), maxHeap);
    }

    @Test
    void instancesAreCountedFromThePopulationsAndTheirInputs() throws IOException {
        Path file = model("3", "4", "10ms");
        // network 1 + populations 2 + members 7 + explicitInput 1 = 11 instances: 11 KiB, over a heap of 10 KiB
        List<Finding> findings = sizeFindings(file, 10 * 1024);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("the run's 11 instances need about 11 KiB of heap, more than the 10 KiB this JVM may use",
                findings.get(0).message());
        assertEquals("run with LEMSBRIDGE_JAVA_OPTS=-Xmx2g (if the machine has the memory)", findings.get(0).hint());
        assertEquals(List.of(), sizeFindings(file, 11 * 1024));
    }

    @Test
    void aHundredMillionCellsAreAFindingAtTheLargestPopulationNamingTheLimit() throws IOException {
        Path file = model("100000000", "1", "10ms");
        FileReport report = Validator.of(List.of()).validate(file);
        assertEquals(1, report.exitCode());
        Finding finding = report.findings().stream().filter(f -> f.code() == Code.RUN_SIZE).findFirst().orElseThrow();
        assertEquals(10, finding.location().line());
        assertEquals("the run would build 100 000 005 instances, more than the limit of 10 000 000",
                finding.message());
    }

    @Test
    void instanceStepsAreLimited() throws IOException {
        Path file = model("500000", "500000", "20000s");
        List<Finding> findings = sizeFindings(file, Long.MAX_VALUE);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("the run would take 1 000 004 instances x 2 000 000 000 steps = 2.00e+15 instance-steps, more"
                + " than the limit of 1.00e+12", findings.get(0).message());
        assertEquals(List.of(), sizeFindings(model("500000", "500000", "10ms"), Long.MAX_VALUE));
    }
}
