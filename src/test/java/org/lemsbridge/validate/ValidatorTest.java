package org.lemsbridge.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.SourceLocation;

class ValidatorTest {

    @TempDir
    Path temp;

    /** A self-contained model: v is a voltage; RATE, ASSIGN and the extra members are filled in per test. */
    private static final String MODEL = """
            <Lems>
                <Dimension name="voltage" m="1" l="2" t="-3" i="-1"/>
                <Dimension name="current" i="1"/>
                <Dimension name="time" t="1"/>
                <Dimension name="conductance" m="-1" l="-2" t="3" i="2"/>
                <Unit symbol="mV" dimension="voltage" power="-3"/>
                <Unit symbol="ms" dimension="time" power="-3"/>
                <Unit symbol="nA" dimension="current" power="-9"/>
                <ComponentType name="Cell">
                    <Parameter name="tau" dimension="time"/>
                    <Parameter name="rest" dimension="voltage"/>
                    <Parameter name="input" dimension="current"/>
                    <Dynamics>
                        <StateVariable name="v" dimension="voltage"/>
                        EXTRA
                        <TimeDerivative variable="v" value="RATE"/>
                    </Dynamics>
                </ComponentType>
                COMPONENTS
            </Lems>
            """;

    private Path model(String rate, String extra, String components) throws IOException {
        return Files.writeString(temp.resolve("model.xml"), MODEL.replace("RATE", rate).replace("EXTRA", extra)
                .replace("COMPONENTS", components));
    }

    private static FileReport validate(Path file) {
        return Validator.of(List.of()).validate(file);
    }

    @Test
    void aTimeDerivativeOfAVoltageGivenACurrentIsAnErrorNamingBothDimensions() throws IOException {
        Path file = model("input", "", "");
        FileReport report = validate(file);
        assertEquals(1, report.exitCode());
        assertEquals(1, report.findings().size(), report.findings().toString());
        Finding finding = report.findings().get(0);
        assertEquals(Code.DIMENSION_MISMATCH, finding.code());
        assertEquals(Severity.ERROR, finding.severity());
        assertEquals(new SourceLocation(file.toString(), 16, 13), finding.location());
        assertEquals("the TimeDerivative of 'v' in ComponentType 'Cell' is 'input', which has dimension current (i=1),"
                + " but it must have dimension m=1 l=2 t=-4 i=-1 (the dimension of 'v', voltage (m=1 l=2 t=-3 i=-1),"
                + " per time)", finding.message());
        assertEquals(file + ":16:13: error LB301: " + finding.message(), finding.line());
    }

    @Test
    void aCorrectModelHasNoFindings() throws IOException {
        FileReport report = validate(model("(rest - v) / tau", "<DerivedVariable name=\"g\" dimension=\"conductance\""
                + " value=\"input / rest\"/>", "<Cell id=\"c\" tau=\"10ms\" rest=\"-65mV\" input=\"1nA\"/>"));
        assertEquals(List.of(), report.findings());
        assertEquals(0, report.exitCode());
    }

    @Test
    void aVariableWrittenWithoutADimensionTakesTheDimensionOfItsValue() throws IOException {
        String extra = "<DerivedVariable name=\"g\" value=\"input / rest\"/>"
                + "<DerivedVariable name=\"i\" dimension=\"current\" value=\"g * (rest - v)\"/>";
        assertEquals(List.of(), validate(model("i * tau / tau * rest / rest * rest / tau / input", extra, ""))
                .findings());
        FileReport wrong = validate(model("(rest - v) / tau", extra.replace("g * (rest - v)", "g * tau"), ""));
        assertEquals(List.of(Code.DIMENSION_MISMATCH), wrong.findings().stream().map(Finding::code).toList());
        assertTrue(wrong.findings().get(0).message().contains("'i'"), wrong.findings().toString());
    }

    @Test
    void conditionsAssignmentsAndUnknownNamesAreChecked() throws IOException {
        String extra = "<OnCondition test=\"v .gt. tau\"><StateAssignment variable=\"v\" value=\"input\"/>"
                + "<StateAssignment variable=\"w\" value=\"0\"/></OnCondition>";
        FileReport report = validate(model("(rest - vm) / tau", extra, ""));
        assertEquals(List.of(Code.UNKNOWN_SYMBOL, Code.INCONSISTENT_EXPRESSION, Code.DIMENSION_MISMATCH,
                Code.NOT_A_STATE), report.findings().stream().map(Finding::code).toList());
        assertTrue(report.findings().get(1).message().contains("cannot compare voltage (m=1 l=2 t=-3 i=-1) and time"
                + " (t=1) in 'v > tau'"), report.findings().get(1).message());
    }

    @Test
    void structuralMistakesAreListedTogetherWithTheirPlaces() throws IOException {
        String components = """
                <Cel id="a"/>
                    <Cell id="b" tau="1ms" rest="0mV" input="0nA"/>
                    <Cell id="b" tau="1ms" rest="0mV" input="0nA"/>
                    <Cell id="c" extends="nothing" tau="1ms" rest="0mV" input="0nA"/>
                    <Target component="sim"/>""";
        Path file = model("(rest - v) / tau", "", components);
        FileReport report = validate(file);
        assertEquals(List.of("LB201@21:5", "LB203@19:5", "LB204@22:5", "LB206@23:5"), report.findings().stream()
                .map(f -> f.code().id() + "@" + f.location().line() + ":" + f.location().column()).toList());
        assertEquals(1, report.exitCode());
    }

    @Test
    void problemsOfUsedIncludedTypesAreWarningsAndUnusedIncludedTypesAreNotChecked() throws IOException {
        Files.writeString(temp.resolve("lib.xml"), """
                <Lems>
                    <Dimension name="voltage" m="1" l="2" t="-3" i="-1"/>
                    <Dimension name="time" t="1"/>
                    <Unit symbol="ms" dimension="time" power="-3"/>
                    <ComponentType name="Used"><Parameter name="p" dimension="time"/>
                        <Dynamics><StateVariable name="x" dimension="voltage"/>
                        <TimeDerivative variable="x" value="p"/></Dynamics></ComponentType>
                    <ComponentType name="Unused"><Parameter name="p" dimension="time"/>
                        <Dynamics><StateVariable name="x" dimension="voltage"/>
                        <TimeDerivative variable="x" value="p"/></Dynamics></ComponentType>
                </Lems>
                """);
        Path file = Files.writeString(temp.resolve("main.xml"), "<Lems><Include file=\"lib.xml\"/><Used id=\"u\" p=\"1ms\"/>"
                + "</Lems>");
        FileReport report = validate(file);
        assertEquals(1, report.findings().size(), report.findings().toString());
        assertEquals(Severity.WARNING, report.findings().get(0).severity());
        assertTrue(report.findings().get(0).message().contains("'Used'"));
        assertEquals(0, report.exitCode());
    }

    @Test
    void aMissingIncludeIsReportedRatherThanTheTypesItWouldHaveDefined() throws IOException {
        Path file = Files.writeString(temp.resolve("main.xml"), "<Lems>\n  <Include file=\"Gone.xml\"/>\n"
                + "  <goneCell id=\"c\"/>\n</Lems>");
        FileReport report = validate(file);
        assertEquals(2, report.exitCode());
        assertEquals(2, report.unreadable().location().line());
        assertTrue(report.unreadable().getMessage().contains("included file 'Gone.xml' not found"),
                report.unreadable().getMessage());
    }

    @Test
    void unreadableFilesAreReportedAsSuchNotAsFindings() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.xml"), "<Lems><Dimension name=\"x\"</Lems>");
        FileReport report = validate(file);
        assertEquals(2, report.exitCode());
        assertEquals(file + ":1:26", report.unreadable().location().toString());
        assertTrue(report.unreadable().getMessage().startsWith("malformed XML"), report.unreadable().getMessage());
        assertEquals(2, validate(temp.resolve("absent.xml")).exitCode());
    }

    @Test
    void aYamlParameterWhoseUnitDoesNotFitItsEquationNamesBothDimensions() throws IOException {
        Path file = Files.writeString(temp.resolve("exp.yaml"), """
                label: "Leaky cell"
                dynamics:
                  name: Leak
                  parameters:
                    E_L: {value: -65.0, unit: nA}
                    tau: {value: 10.0, unit: ms}
                  state_variables:
                    v: {equation: {rhs: "(E_L - v)/tau"}, initial_value: -70.0, unit: mV}
                integration: {step_size: 0.1, duration: 1.0, time_scale: ms}
                """);
        FileReport report = validate(file);
        assertEquals(1, report.exitCode());
        Finding finding = report.findings().get(0);
        assertEquals(Code.DIMENSION_MISMATCH, finding.code());
        assertEquals(new SourceLocation(file.toString(), 8, 27), finding.location());
        assertTrue(finding.message().contains("cannot subtract voltage (m=1 l=2 t=-3 i=-1) from current (i=1)"),
                finding.message());
    }

    @Test
    void runLimitsRefuseNonPositiveAndAbsurdRuns() {
        SourceLocation where = SourceLocation.unknown("x");
        org.lemsbridge.experiment.Integration ok = new org.lemsbridge.experiment.Integration("euler", 0.01, 100, "ms",
                0, null, where);
        assertTrue(RunLimits.check(ok).isEmpty());
        org.lemsbridge.experiment.Integration absurd = new org.lemsbridge.experiment.Integration("euler", 1e-7, 100,
                "ms", 0, null, where);
        assertEquals("the run would take 1.00e+09 steps (duration / step_size), more than the limit of 100000000",
                RunLimits.check(absurd).orElseThrow().message());
        org.lemsbridge.experiment.Integration atLimit = new org.lemsbridge.experiment.Integration("euler", 1e-6, 100,
                "ms", 0, null, where);
        assertTrue(RunLimits.check(atLimit).isEmpty());
    }

    @Test
    void oneLineEscapesEverythingThatCouldBreakALine() {
        assertEquals("a b\\u000dc\\u2028d\\u0000\te", OneLine.of("a\nb\rc\u2028d\u0000\te"));
    }
}
