package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.Main;
import org.lemsbridge.lems.LemsReader;

/** Populations too large to build are refused from the model's numbers, before anything is built. */
class RunSizeTest {

    @TempDir
    Path temp;

    private static final String MODEL = """
            <Lems>
                <Target component="sim1"/>
                <Include file="Cells.xml"/>
                <Include file="Networks.xml"/>
                <Include file="Inputs.xml"/>
                <Include file="Simulation.xml"/>
                <iafTauCell id="iaf" leakReversal="-65mV" thresh="-55mV" reset="-70mV" tau="30ms"/>
                <pulseGenerator id="pulse" delay="1ms" duration="5ms" amplitude="1nA"/>
                <network id="net">
                    <population id="a" component="iaf" size="SIZE_A"/>
                    <population id="b" component="iaf" size="SIZE_B"/>
                    <explicitInput target="a[0]" input="pulse"/>
                </network>
                <Simulation id="sim1" length="LENGTH" step="0.01ms" target="net">
                    <OutputFile id="of" fileName="out.dat">
                        <OutputColumn id="v" quantity="a[0]/v"/>
                    </OutputFile>
                </Simulation>
            </Lems>
            """;

    private Path model(String sizeA, String sizeB, String length) throws IOException {
        return Files.writeString(temp.resolve("model.xml"), MODEL.replace("SIZE_A", sizeA).replace("SIZE_B", sizeB)
                .replace("LENGTH", length));
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
    void twoToTheThirtyOneCellsAreRefusedBySimulateInOneLineWithoutBuildingThem() throws IOException {
        Path file = model("1", "2147483648", "10ms");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"simulate", file.toString(), "-o", temp.resolve("out").toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertEquals(file + ":11:9: the run would build 2 147 483 653 instances, more than the limit of 10 000 000"
                + " [LB502]\n  hint: check the population sizes\n", err.toString());
        assertTrue(!Files.exists(temp.resolve("out/out.dat")));
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
