package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.lemsbridge.validate.FileReport;
import org.lemsbridge.validate.Finding;
import org.lemsbridge.validate.Validator;

/**
 * What only building the instance tree finds (a reference, path or recorded quantity that resolves to nothing) is a
 * validate finding at the user's line, and simulate refuses the same model at the same place; misspelled element and
 * type names get the name they were meant to be.
 */
class BuildFindingsTest {

    @TempDir
    Path temp;

    private static final String MODEL = ComponentFindingsTest.MODEL;

    private Path model(String from, String to) throws IOException {
        return ComponentFindingsTest.modelWith(temp, from, to);
    }

    private static List<String> errors(FileReport report) {
        return report.findings().stream().filter(Finding::isError).map(f -> f.code().id() + "@"
                + f.location().line() + ":" + f.location().column() + " " + f.message()
                + (f.hint() == null ? "" : " | " + f.hint())).toList();
    }

    private CliRun simulate(Path file) {
        return CliRun.of("simulate", file.toString(), "-o", temp.resolve("out").toString());
    }

    @Test
    void aRecordedVariableThatDoesNotExistIsAFindingAtTheOutputColumn() throws IOException {
        Path file = model("iafPop[0]/v\"", "iafPop[0]/vv\"");
        List<String> errors = errors(Validator.of(List.of()).validate(file));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("LB207@12:13 quantity 'iafPop[0]/vv' of v (OutputColumn) resolves to"
                + " nothing"), errors.toString());
        CliRun simulated = simulate(file);
        assertEquals(2, simulated.exitCode(), simulated.describe());
        assertTrue(simulated.errLines().get(0).startsWith(file + ":12:13: quantity 'iafPop[0]/vv'"),
                simulated.describe());
    }

    @Test
    void aMisspelledPathStepIsNamedWithTheOneItWasMeantToBe() throws IOException {
        String withInput = MODEL.replace("<Include file=\"Simulation.xml\"/>", "<Include file=\"Simulation.xml\"/>"
                + "<Include file=\"Inputs.xml\"/><pulseGenerator id=\"pg\" delay=\"1ms\" duration=\"1ms\""
                + " amplitude=\"0.1nA\"/>").replace("</network>", "    <explicitInput target=\"iafPopp[0]\""
                + " input=\"pg\"/>\n    </network>");
        Path file = Files.writeString(temp.resolve("input.xml"), withInput);
        assertEquals(List.of("LB213@9:24 path 'iafPopp[0]': no 'iafPopp' in net | did you mean 'iafPop'?"),
                errors(Validator.of(List.of()).validate(file)));
        CliRun simulated = simulate(file);
        assertEquals(2, simulated.exitCode(), simulated.describe());
        assertTrue(simulated.errLines().get(0).startsWith(file + ":9:24: path 'iafPopp[0]'"), simulated.describe());
    }

    /** The errors of MODEL with an explicitInput into {@code target} (iafPop has 1 member). */
    private List<String> inputInto(String target) throws IOException {
        String withInput = MODEL.replace("<Include file=\"Simulation.xml\"/>", "<Include file=\"Simulation.xml\"/>"
                + "<Include file=\"Inputs.xml\"/><pulseGenerator id=\"pg\" delay=\"1ms\" duration=\"1ms\""
                + " amplitude=\"0.1nA\"/>").replace("</network>", "    <explicitInput target=\"" + target + "\""
                + " input=\"pg\"/>\n    </network>");
        return errors(Validator.of(List.of()).validate(Files.writeString(temp.resolve("index.xml"), withInput)));
    }

    @Test
    void aMemberIndexIsReadWithinItsBracketsAndRefusedWhenItIsNoMember() throws IOException {
        // iafTauCell takes no inputs: a path that resolves gets as far as the member's attachments
        List<String> resolved = inputInto("iafPop[0]");
        assertEquals(List.of("LB213@270:7 net/iafPop/0 has no Attachments for pg (pulseGenerator)"), resolved);
        assertEquals(resolved, inputInto("iafPop[ 0 ]"));
        assertEquals(resolved, inputInto("iafPop/[0]"));
        assertEquals(resolved, inputInto("iafPop[+0]"));
        assertEquals(List.of("LB213@9:24 path 'iafPop[1]': net/iafPop has no member [1]"), inputInto("iafPop[1]"));
        assertEquals(List.of("LB213@9:24 path 'iafPop[-1]': net/iafPop has no member [-1]"),
                inputInto("iafPop[-1]"));
        assertEquals(List.of("LB213@9:24 bad index [x] in path 'iafPop[x]'"), inputInto("iafPop[x]"));
        assertEquals(List.of("LB213@9:24 bad index [] in path 'iafPop[]'"), inputInto("iafPop[]"));
        assertEquals(List.of("LB213@9:24 bad index [ ] in path 'iafPop[ ]'"), inputInto("iafPop[ ]"));
    }

    @Test
    void aBadReferenceIsReportedAtTheAttributeThatHoldsItOnItsOwnLine() throws IOException {
        String withInput = MODEL.replace("<Include file=\"Simulation.xml\"/>", "<Include file=\"Simulation.xml\"/>"
                + "<Include file=\"Inputs.xml\"/><pulseGenerator id=\"pg\" delay=\"1ms\" duration=\"1ms\""
                + " amplitude=\"0.1nA\"/>").replace("</network>", """
                    <explicitInput
                            input="pg"
                              target="iafPopp[0]"/>
                    </network>""");
        Path file = Files.writeString(temp.resolve("input.xml"), withInput);
        assertEquals("          target=\"iafPopp[0]\"/>", Files.readAllLines(file).get(10), "the fixture's line 11");
        assertEquals(List.of("LB213@11:11 path 'iafPopp[0]': no 'iafPopp' in net | did you mean 'iafPop'?"),
                errors(Validator.of(List.of()).validate(file)));
        CliRun simulated = simulate(file);
        assertEquals(2, simulated.exitCode(), simulated.describe());
        assertTrue(simulated.errLines().get(0).startsWith(file + ":11:11: path 'iafPopp[0]'"), simulated.describe());
    }

    @Test
    void aPopulationWithoutItsComponentIsAFindingAtThePopulation() throws IOException {
        Path file = model(" component=\"iaf\"", "");
        List<String> errors = errors(Validator.of(List.of()).validate(file));
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("LB213@8:9 iafPop (population) has no value for 'component'"),
                errors.toString());
        assertEquals(2, simulate(file).exitCode());
        assertEquals(2, CliRun.of("import", file.toString(), "-o", temp.resolve("yaml").toString()).exitCode());
    }

    @Test
    void anOutputFileWithoutItsFileNameIsAFinding() throws IOException {
        Path file = model(" fileName=\"out.dat\"", "");
        assertEquals(List.of("LB213@11:9 of (OutputFile) needs 'fileName'"),
                errors(Validator.of(List.of()).validate(file)));
    }

    @Test
    void aMisspelledTypeIsNamedWithTheTypeItWasMeantToBe() throws IOException {
        Path file = model("<population id=\"iafPop\"", "<population type=\"populationn\" id=\"iafPop\"");
        assertEquals(List.of("LB203@8:9 <population> has type 'populationn', which is not a known ComponentType"
                + " | did you mean 'population'?"), errors(Validator.of(List.of()).validate(file)));
    }

    @Test
    void aMisspelledChildElementIsNamedWithTheChildItWasMeantToBe() throws IOException {
        Path file = Files.writeString(temp.resolve("child.xml"), """
                <Lems>
                    <Dimension name="time" t="1"/>
                    <ComponentType name="rateBase">
                        <Parameter name="tau" dimension="time"/>
                    </ComponentType>
                    <ComponentType name="gateLike">
                        <Child name="forwardRate" type="rateBase"/>
                    </ComponentType>
                    <gateLike id="g">
                        <forwardRat type="rateBase" tau="1ms"/>
                    </gateLike>
                </Lems>
                """);
        assertEquals(List.of("LB203@10:9 <forwardRat> is neither a Child or Children of 'gateLike' nor a"
                + " ComponentType | did you mean 'forwardRate'?"), errors(Validator.of(List.of()).validate(file)));
    }

    @Test
    void aConstantWithAUnitTypoIsAFindingAtTheConstant() throws IOException {
        Path file = Files.writeString(temp.resolve("constant.xml"), """
                <Lems>
                    <Dimension name="time" t="1"/>
                    <Unit symbol="ms" dimension="time" power="-3"/>
                    <ComponentType name="slow">
                        <Constant name="SCALE" dimension="time" value="1 mss"/>
                        <Parameter name="tau" dimension="tim"/>
                    </ComponentType>
                </Lems>
                """);
        List<String> errors = errors(Validator.of(List.of()).validate(file));
        // the dimension check also reports the type (at its line) where it checks the parameter
        assertEquals(List.of("LB212@5:9", "LB304@6:9", "LB304@4:5"), errors.stream()
                .map(e -> e.substring(0, e.indexOf(' '))).toList(), errors.toString());
        assertTrue(errors.get(0).endsWith("did you mean 'ms'?"), errors.toString());
        assertTrue(errors.get(1).endsWith("did you mean 'time'?"), errors.toString());
    }

    @Test
    void renderRunsValidatesChecksFirst() throws IOException {
        Path experiment = Files.writeString(temp.resolve("exp.yaml"), """
                dynamics:
                  name: Decay
                  parameters:
                    tau: {value: 10.0, unit: ms}
                  state_variables:
                    v: {equation: {rhs: "-v/tauu"}, initial_value: 1.0}
                integration: {step_size: 0.1, duration: 1.0, time_scale: ms}
                """);
        CliRun rendered = CliRun.of("render", experiment.toString(), "-o", temp.resolve("out.xml").toString());
        assertEquals(2, rendered.exitCode(), rendered.describe());
        assertTrue(rendered.errLines().get(0).startsWith(experiment + ":6:"), rendered.describe());
        assertTrue(Files.notExists(temp.resolve("out.xml")));
    }
}
