package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.files.Confinement;

class LemsReaderTest {

    @TempDir
    Path dir;

    private static final String DIMS = """
            <Dimension name="voltage" m="1" l="2" t="-3" i="-1"/>
            <Dimension name="capacitance" m="-1" l="-2" t="4" i="2"/>
            <Unit symbol="mV" dimension="voltage" power="-3"/>
            <Unit symbol="nF" dimension="capacitance" power="-9"/>
            """;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static LemsModel read(String xml) {
        return LemsReader.read(xml, "test.xml", Path.of("").toAbsolutePath(), List.of());
    }

    @Test
    void aDoctypeIsRefused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Lems [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Lems><Dimension name=\"d\" m=\"&x;\"/></Lems>";
        BadInputException e = assertThrows(BadInputException.class, () -> read(xml));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertEquals("test.xml", e.location().file());
    }

    @Test
    void aMissingIncludeListsTheFoldersSearched() throws IOException {
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Path model = write("model.xml", "<Lems>\n  <Include file=\"Nowhere.xml\"/>\n</Lems>");
        BadInputException e = assertThrows(BadInputException.class, () -> LemsReader.read(model, List.of(extra)));
        assertTrue(e.getMessage().contains("Nowhere.xml"), e.getMessage());
        assertTrue(e.getMessage().contains(extra.toRealPath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toRealPath().toString()), e.getMessage());
        assertEquals(2, e.location().line());
    }

    @Test
    void includeCyclesAreRefused() throws IOException {
        write("a.xml", "<Lems><Include file=\"b.xml\"/></Lems>");
        write("b.xml", "<Lems><Include file=\"a.xml\"/></Lems>");
        BadInputException e = assertThrows(BadInputException.class,
                () -> LemsReader.read(dir.resolve("a.xml"), List.of()));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void dotDotIncludesResolveBesideTheIncludingFileAsInJlemsAndAreRefusedOutsideAConfinement() throws IOException {
        write("outside.xml", "<Lems>" + DIMS + "</Lems>");
        write("inner/lib/middle.xml", "<Lems><Include file=\"../../outside.xml\"/><ComponentType name=\"Middle\"/></Lems>");
        Path model = write("inner/model.xml", "<Lems><Include file=\"lib/middle.xml\"/></Lems>");
        assertEquals(List.of("Middle"), List.copyOf(LemsReader.read(model, List.of()).types().keySet()));
        Confinement inner = Confinement.to(List.of(dir.resolve("inner")));
        BadInputException e = assertThrows(BadInputException.class, () -> LemsReader.read(model, List.of(), inner));
        assertEquals(dir.toRealPath().resolve("inner/lib/middle.xml") + ":1:7", e.location().toString());
        assertEquals("include '../../outside.xml' resolves to " + dir.toRealPath().resolve("outside.xml")
                + ", outside the --confine folders [" + dir.toRealPath().resolve("inner") + "]", e.getMessage());
        Confinement both = inner.and(List.of(dir));
        assertEquals(List.of("Middle"), List.copyOf(LemsReader.read(model, List.of(), both).types().keySet()));
    }

    @Test
    void aSelectPredicateThatJlemsCannotEvaluateOrThatMatchesNothingIsRefusedByName() throws IOException {
        String types = "<ComponentType name=\"Level\"><Parameter name=\"h\" dimension=\"none\"/>"
                + "<ComponentReference name=\"kind\" type=\"Kind\"/></ComponentType>"
                + "<ComponentType name=\"Kind\"/>"
                + "<ComponentType name=\"User\"><ComponentReference name=\"kind\" type=\"Kind\"/>"
                + "<DerivedParameter name=\"g\" dimension=\"none\" select=\"//Level[%s]/h\"/></ComponentType>";
        Path noMatch = write("no-match.xml", "<Lems>" + types.formatted("kind=kind") + "<Kind id=\"a\"/><Kind id=\"b\"/>"
                + "<Level kind=\"a\" h=\"1\"/>\n<User id=\"u\" kind=\"b\"/></Lems>");
        BadInputException e = assertThrows(BadInputException.class, () -> LemsReader.read(noMatch, List.of()));
        assertEquals("DerivedParameter 'g' of u (User): select '//Level[kind=kind]/h': no member has kind = b (Kind)",
                e.getMessage());
        assertEquals(2, e.location().line());
        Path notEquals = write("not-equals.xml", "<Lems>" + types.formatted("1") + "<User id=\"u\"/></Lems>");
        e = assertThrows(BadInputException.class, () -> LemsReader.read(notEquals, List.of()));
        assertTrue(e.getMessage().endsWith("the predicate [1] is not of the form [attribute=path], the only one jLEMS"
                + " evaluates"), e.getMessage());
    }

    @Test
    void eachFileIsReadOnceAndSearchFoldersAreUsedInOrder() throws IOException {
        write("lib1/Common.xml", "<Lems>" + DIMS + "<ComponentType name=\"Shared\"/></Lems>");
        write("lib2/Common.xml", "<Lems><ComponentType name=\"Wrong\"/></Lems>");
        write("lib1/Left.xml", "<Lems><Include file=\"Common.xml\"/><ComponentType name=\"Left\"/></Lems>");
        write("lib1/Right.xml", "<Lems><Include file=\"Common.xml\"/><ComponentType name=\"Right\"/></Lems>");
        Path model = write("m/model.xml", "<Lems><Include file=\"Left.xml\"/><Include file=\"Right.xml\"/></Lems>");
        LemsModel read = LemsReader.read(model, List.of(dir.resolve("lib1"), dir.resolve("lib2")));
        assertEquals(List.of("Shared", "Left", "Right"), List.copyOf(read.types().keySet()));
    }

    @Test
    void aNeuromlDocumentGetsTheCoreTypesAndFollowsItsIncludeHref() throws IOException {
        write("cells.nml", "<neuroml id=\"cells\"><izhikevich2007Cell id=\"rs\" C=\"100pF\" v0=\"-60mV\" k=\"0.7nS_per_mV\""
                + " vr=\"-60mV\" vt=\"-40mV\" vpeak=\"35mV\" a=\"0.03per_ms\" b=\"-2nS\" c=\"-50.0mV\" d=\"100pA\"/>"
                + "</neuroml>");
        Path network = write("net.nml", "<neuroml id=\"net\">\n  <include href=\"cells.nml\"/>\n"
                + "  <network id=\"n\"><population id=\"p\" component=\"rs\" size=\"2\"/></network>\n</neuroml>");
        IncludedDocument document = IncludedDocument.read(network, List.of());
        assertTrue(document.neuroml());
        assertEquals(List.of(), document.unresolved());
        LemsModel model = LemsReader.read(document);
        assertEquals("izhikevich2007Cell", model.component("rs").orElseThrow().type().name());
        assertEquals(-0.06, model.component("rs").orElseThrow().values().get("v0"), 1e-15);
        assertTrue(model.types().containsKey("population"));
    }

    @Test
    void aMissingIncludeHrefIsListedNotThrownWhenCollecting() throws IOException {
        Path network = write("net.nml", "<neuroml id=\"net\">\n  <include href=\"gone.nml\"/>\n</neuroml>");
        IncludedDocument document = IncludedDocument.read(network, List.of());
        assertEquals(1, document.unresolved().size());
        assertEquals(2, document.unresolved().get(0).location().line());
        BadInputException e = assertThrows(BadInputException.class, () -> LemsReader.read(document));
        assertTrue(e.getMessage().contains("'gone.nml' not found"), e.getMessage());
    }

    @Test
    void valuesAreConvertedToSiTheJlemsWay() {
        LemsModel model = read("<Lems>" + DIMS + """
                <ComponentType name="Cap">
                  <Parameter name="C" dimension="capacitance"/>
                  <Parameter name="v0" dimension="voltage"/>
                  <Parameter name="n" dimension="none"/>
                  <DerivedParameter name="half" dimension="voltage" value="v0 / 2"/>
                  <Constant name="MV" dimension="voltage" value="1mV"/>
                </ComponentType>
                <Cap id="c" C="1.1nF" v0="-70mV" n="3"/>
                </Lems>""");
        Component c = model.component("c").orElseThrow();
        assertEquals(1.1000000000000001e-9, c.values().get("C"));
        assertEquals(-0.07, c.values().get("v0"));
        assertEquals(3.0, c.values().get("n"));
        assertEquals(-0.035, c.values().get("half"));
        assertEquals(0.001, c.values().get("MV"));
    }

    @Test
    void aWrongDimensionIsReportedAtTheComponent() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("<Lems>" + DIMS + """
                <ComponentType name="Cap"><Parameter name="C" dimension="capacitance"/></ComponentType>
                <Cap id="c" C="3mV"/>
                </Lems>"""));
        assertTrue(e.getMessage().contains("3mV"), e.getMessage());
        assertEquals(6, e.location().line());
        assertEquals(1, e.location().column());
    }

    @Test
    void inheritanceFollowsJlemsRules() {
        LemsModel model = read("<Lems>" + DIMS + """
                <ComponentType name="Base">
                  <Parameter name="a" dimension="none"/>
                  <Exposure name="x" dimension="none"/>
                  <Requirement name="v" dimension="voltage"/>
                  <EventPort name="in" direction="in"/>
                  <Text name="label"/>
                  <Path name="where"/>
                  <Property name="w" dimension="none" defaultValue="1"/>
                  <Attachments name="syns" type="Base"/>
                  <Child name="kid" type="Base"/>
                  <Dynamics><StateVariable name="x" dimension="none"/></Dynamics>
                  <Structure><ChildInstance component="kid"/></Structure>
                </ComponentType>
                <ComponentType name="Keeps" extends="Base"><Parameter name="b" dimension="none"/></ComponentType>
                <ComponentType name="Replaces" extends="Base">
                  <Dynamics><StateVariable name="y" dimension="none"/></Dynamics>
                </ComponentType>
                </Lems>""");
        ComponentType keeps = model.type("Keeps").orElseThrow();
        assertEquals(List.of("a", "b"), keeps.parameters().stream().map(ComponentType.Parameter::name).toList());
        assertTrue(keeps.hasExposure("x"));
        assertEquals(1, keeps.requirements().size());
        assertEquals(1, keeps.eventPorts().size());
        assertTrue(keeps.child("kid").isPresent());
        assertTrue(keeps.texts().isEmpty());
        assertTrue(keeps.paths().isEmpty());
        assertTrue(keeps.properties().isEmpty());
        assertTrue(keeps.attachments().isEmpty());
        assertTrue(keeps.structure().items().isEmpty());
        assertEquals("x", keeps.dynamics().stateVariables().get(0).name());
        ComponentType replaces = model.type("Replaces").orElseThrow();
        assertEquals(List.of("y"), replaces.dynamics().stateVariables().stream().map(Dynamics.StateVariable::name)
                .toList());
        assertTrue(model.isA(replaces, "Base"));
        assertFalse(model.isA(model.type("Base").orElseThrow(), "Replaces"));
    }

    @Test
    void nestedElementsBecomeNamedChildrenOrListMembers() {
        LemsModel model = read("""
                <Lems>
                  <ComponentType name="Rate"><Parameter name="r" dimension="none"/></ComponentType>
                  <ComponentType name="FastRate" extends="Rate"/>
                  <ComponentType name="Gate">
                    <Child name="forward" type="Rate"/>
                    <Children name="extras" type="Rate"/>
                  </ComponentType>
                  <Gate id="g">
                    <forward type="FastRate" r="2"/>
                    <Rate id="e1" r="3"/>
                    <Component id="e2" type="FastRate" r="4"/>
                  </Gate>
                </Lems>""");
        Component gate = model.component("g").orElseThrow();
        assertEquals(3, gate.children().size());
        Component forward = gate.children().get(0);
        assertEquals("forward", forward.role());
        assertEquals("FastRate", forward.typeName());
        assertNull(forward.id());
        assertEquals("extras", gate.children().get(1).role());
        assertEquals("extras", gate.children().get(2).role());
        assertEquals(4.0, model.component("e2").orElseThrow().values().get("r"));
    }

    @Test
    void expressionsAreParsedWithJlemsGroupingAndBadOnesNameTheirLine() {
        LemsModel model = read("""
                <Lems>
                  <ComponentType name="T">
                    <Dynamics>
                      <StateVariable name="x" dimension="none"/>
                      <TimeDerivative variable="x" value="a * b / c"/>
                    </Dynamics>
                  </ComponentType>
                </Lems>""");
        assertEquals(LemsExpressions.parse("a * (b / c)"),
                model.type("T").orElseThrow().dynamics().timeDerivatives().get(0).value());
        BadInputException e = assertThrows(BadInputException.class, () -> read("""
                <Lems>
                  <ComponentType name="T">
                    <Dynamics>
                      <DerivedVariable name="y" dimension="none" value="(a + "/>
                    </Dynamics>
                  </ComponentType>
                </Lems>"""));
        assertEquals(4, e.location().line());
    }

    @Test
    void anUnknownComponentTagIsReportedWhereItIs() {
        BadInputException e = assertThrows(BadInputException.class, () -> read("<Lems>\n\n  <izhikevichCel id=\"x\"/>\n</Lems>"));
        assertTrue(e.getMessage().contains("izhikevichCel"), e.getMessage());
        assertEquals(3, e.location().line());
        assertEquals(3, e.location().column());
        assertNotNull(e.hint());
    }

    @Test
    void aTagSpanningLinesIsLocatedAtItsOpeningBracket() {
        BadInputException e = assertThrows(BadInputException.class, () -> read(
                "<Lems>\n  <ComponentType name=\"T\"/>\n    <T id=\"a\"\n       p=\"1\">\n  <Oops/></T>\n</Lems>"));
        assertEquals(5, e.location().line());
        assertEquals(3, e.location().column());
    }

    @Test
    void theTargetNamesTheSimulationComponent() {
        LemsModel model = read("""
                <Lems>
                  <Target component="sim"/>
                  <ComponentType name="Sim"/>
                  <Sim id="sim"/>
                </Lems>""");
        assertEquals("sim", model.targetSimulation().orElseThrow().id());
        BadInputException e = assertThrows(BadInputException.class, () -> read("<Lems><Target component=\"nope\"/></Lems>"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
