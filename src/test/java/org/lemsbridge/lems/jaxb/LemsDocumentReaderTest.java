package org.lemsbridge.lems.jaxb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.w3c.dom.Element;

class LemsDocumentReaderTest {

    private static final String BODY = """
            <ComponentType name="cell" extends="baseCell" description="a cell">
                <Parameter name="threshold" dimension="voltage"/>
                <Exposure name="v" dimension="voltage"/>
                <Dynamics>
                    <StateVariable name="v" dimension="voltage" exposure="v"/>
                    <TimeDerivative variable="v" value="-v / tau"/>
                    <OnCondition test="v .gt. threshold">
                        <StateAssignment variable="v" value="0"/>
                        <EventOut port="spike"/>
                    </OnCondition>
                </Dynamics>
            </ComponentType>
            <izhikevichCell id="iz" v0="-70mV" a="0.02"/>
            <Component id="c" type="cell" threshold="1V"/>
            """;

    private static String document(String rootStart) {
        return rootStart + "\n" + BODY + "</Lems>\n";
    }

    @Test
    void membersAreBoundToTheirClassesInDocumentOrder() {
        ParsedDocument parsed = LemsDocumentReader.read(document("<Lems>"), "cell.xml");
        assertEquals("Lems", parsed.rootName());
        List<Object> top = parsed.root().content();
        assertEquals(3, top.size());

        ComponentType type = assertInstanceOf(ComponentType.class, top.get(0));
        assertEquals("cell", type.name());
        assertEquals("baseCell", type.extendsType());
        assertEquals(Map.of("name", "cell", "extends", "baseCell", "description", "a cell"), type.attributes());
        Parameter threshold = assertInstanceOf(Parameter.class, type.content().get(0));
        assertEquals("voltage", threshold.dimension());
        assertInstanceOf(Exposure.class, type.content().get(1));

        Dynamics dynamics = assertInstanceOf(Dynamics.class, type.content().get(2));
        assertEquals(List.of(StateVariable.class, TimeDerivative.class, OnCondition.class),
                dynamics.content().stream().map(Object::getClass).toList());
        OnCondition onCondition = (OnCondition) dynamics.content().get(2);
        assertEquals("v .gt. threshold", onCondition.test());
        assertEquals("0", ((StateAssignment) onCondition.content().get(0)).value());
        assertEquals("spike", ((EventOut) onCondition.content().get(1)).port());

        Element cell = assertInstanceOf(Element.class, top.get(1));
        assertEquals("izhikevichCell", cell.getLocalName());
        assertEquals("-70mV", cell.getAttribute("v0"));

        Component component = assertInstanceOf(Component.class, top.get(2));
        assertEquals("cell", component.type());
        assertEquals(Map.of("id", "c", "type", "cell", "threshold", "1V"), component.attributes());
    }

    @Test
    void startTagsGiveEveryElementsPositionAndAttributeOrder() {
        ParsedDocument parsed = LemsDocumentReader.read(document("<Lems>"), "cell.xml");
        List<StartTag> tags = parsed.startTags();
        assertEquals(12, tags.size());
        assertEquals(new StartTag("Lems", List.of(), new SourceLocation("cell.xml", 1, 1)), tags.get(0));
        assertEquals(new StartTag("ComponentType", List.of("name", "extends", "description"),
                new SourceLocation("cell.xml", 2, 1)), tags.get(1));
        assertEquals(new StartTag("izhikevichCell", List.of("id", "v0", "a"), new SourceLocation("cell.xml", 14, 1)),
                tags.get(10));
    }

    @Test
    void anyNamespaceOrNoneReadsTheSame() {
        List<String> roots = List.of(
                "<Lems>",
                "<Lems xmlns=\"http://www.neuroml.org/lems/0.7.6\">",
                "<Lems xmlns=\"http://www.neuroml.org/schema/neuroml2\">",
                "<Lems xmlns=\"http://www.neuroml.org/lems/0.7.6\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xsi:schemaLocation=\"http://www.neuroml.org/lems/0.7.6 LEMS_v0.7.6.xsd\">");
        for (String root : roots) {
            ParsedDocument parsed = LemsDocumentReader.read(document(root), "cell.xml");
            ComponentType type = assertInstanceOf(ComponentType.class, parsed.root().content().get(0), root);
            assertEquals("cell", type.name(), root);
            assertInstanceOf(Dynamics.class, type.content().get(2), root);
            assertEquals(Map.of(), parsed.root().attributes(), "namespace attributes are not LEMS attributes");
        }
    }

    @Test
    void unknownMembersAreKeptForTheModelReaderToReport() {
        ParsedDocument parsed = LemsDocumentReader.read("""
                <Lems><ComponentType name="t"><Dynamics><Wobble speed="2"/></Dynamics>
                <Parameter name="p" dimension="none" units="mV"><note/></Parameter></ComponentType></Lems>
                """, "odd.xml");
        ComponentType type = (ComponentType) parsed.root().content().get(0);
        Element wobble = assertInstanceOf(Element.class, ((Dynamics) type.content().get(0)).content().get(0));
        assertEquals("Wobble", wobble.getLocalName());
        Parameter parameter = (Parameter) type.content().get(1);
        assertEquals(Map.of("name", "p", "dimension", "none", "units", "mV"), parameter.attributes());
        assertEquals("note", ((Element) parameter.content().get(0)).getLocalName());
    }

    @Test
    void aDoctypeIsRefused() {
        BadInputException refused = assertThrows(BadInputException.class, () -> LemsDocumentReader.read("""
                <!DOCTYPE Lems [ <!ENTITY x SYSTEM "file:///etc/hostname"> ]>
                <Lems><Constant name="c" value="&x;"/></Lems>
                """, "xxe.xml"));
        assertTrue(refused.oneLine().startsWith("xxe.xml:1:"), refused.oneLine());
        assertEquals("remove the <!DOCTYPE ...> declaration", refused.hint());
    }
}
