package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.cli.CliRun;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.RawValue;
import org.lemsbridge.testing.SharedFolder;

/** The {@code import} and {@code render --neuroml} commands as a user runs them. */
class ImportCommandTest {

    private CliRun last;

    private int run(String... args) {
        last = CliRun.of(args);
        return last.exitCode();
    }

    @Test
    void importWritesOneYamlPerPopulationMemberNotingItsSource(@TempDir Path dir) throws Exception {
        Path outDir = dir.resolve("imported");
        assertEquals(0, run("import", "examples/ex2-izhikevich/Ex2_Izh.xml", "-o", outDir.toString()), last.err());
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(List.of("izpopBurst_0.yaml", "izpopClass1_0.yaml", "izpopMixed_0.yaml", "izpopTonic_0.yaml"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        Experiment tonic = ExperimentReader.read(outDir.resolve("izpopTonic_0.yaml"));
        RawValue.Mapping source = (RawValue.Mapping) tonic.extras().get("source");
        RawValue.Mapping quantities = (RawValue.Mapping) source.entries().get("quantities");
        assertEquals(RawValue.Scalar.string("izpopTonic[0]/i1/I"), quantities.entries().get("i1_I"));
        assertEquals(0.005, tonic.integration().stepSize());
        assertEquals("ms", tonic.integration().timeScale());
        assertEquals("(0.04*(v**2/MVOLT) + 5*v + (140 - U + ISyn)*MVOLT)/MSEC",
                tonic.dynamics().stateVariables().get("v").equation().rhs());
    }

    @Test
    void aRandomStartingValueIsRefusedByNameEvenWhenItAlsoReadsParameters(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("noisy.xml");
        Files.writeString(model, """
                <Lems>
                  <Target component="sim"/>
                  <Include file="Networks.xml"/>
                  <Include file="Simulation.xml"/>
                  <ComponentType name="noisyCell">
                    <Parameter name="x0" dimension="none"/><Constant name="tau" dimension="time" value="1ms"/>
                    <Dynamics>
                      <StateVariable name="x" dimension="none"/>
                      <TimeDerivative variable="x" value="-x / tau"/>
                      <OnStart>
                        <StateAssignment variable="x" value="x0 + random(1)"/>
                      </OnStart>
                    </Dynamics>
                  </ComponentType>
                  <noisyCell id="n1" x0="2"/>
                  <network id="net"><population id="p" component="n1" size="1"/></network>
                  <Simulation id="sim" length="1ms" step="0.1ms" target="net"/>
                </Lems>
                """);
        int code = run("import", model.toString(), "-o", dir.resolve("out").toString());
        assertTrue(code == 1 || code == 2, "exit " + code + ": " + last.err());
        assertTrue(last.err().contains("noisy.xml:11:9: p[0]: cell n1 (noisyCell): "), last.err());
        assertTrue(last.err().contains("the OnStart value of 'x' is random"), last.err());
        assertTrue(!last.err().contains("internal error"), last.err());
    }

    @Test
    void membersThatCannotBeImportedAreReportedAsFileLineColumnAndExitOne(@TempDir Path dir) throws Exception {
        Path cells = SharedFolder.file("upstream/NeuroML2/NeuroML2CoreTypes");
        Path model = dir.resolve("net.xml");
        Files.writeString(model, """
                <Lems>
                  <Target component="sim"/>
                  <Include file="Cells.xml"/>
                  <Include file="Networks.xml"/>
                  <Include file="Simulation.xml"/>
                  <izhikevichCell id="iz" v0="-70mV" thresh="30mV" a="0.02" b="0.2" c="-65" d="6"/>
                  <expOneSynapse id="syn" gbase="1nS" erev="0mV" tauDecay="2ms"/>
                  <network id="net">
                    <population id="a" component="iz" size="1"/>
                    <population id="b" component="iz" size="2"/>
                    <projection id="proj" presynapticPopulation="a" postsynapticPopulation="b" synapse="syn">
                      <connection id="0" preCellId="../a/0/iz" postCellId="../b/1/iz"/>
                    </projection>
                  </network>
                  <Simulation id="sim" length="10ms" step="0.01ms" target="net"/>
                </Lems>
                """);
        assertEquals(1, run("import", model.toString(), "-I", cells.toString(), "-o", dir.resolve("o").toString()));
        String problems = last.err();
        assertTrue(problems.startsWith(model + ":11:") && problems.contains("synaptic connection proj")
                && problems.contains("(b)"), problems);
        try (Stream<Path> files = Files.list(dir.resolve("o"))) {
            assertEquals(List.of("a_0.yaml"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void renderNeuromlWritesCoreTypes(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("tonic.xml");
        assertEquals(0, run("render", "--neuroml", "examples/izhikevich-tonic.yaml", "-o", xml.toString()), last.err());
        String text = Files.readString(xml);
        assertTrue(text.contains("<izhikevichCell id=\"IzhikevichCell\"") && text.contains("<Include file=\"Cells.xml\"/>"),
                text);
    }
}
