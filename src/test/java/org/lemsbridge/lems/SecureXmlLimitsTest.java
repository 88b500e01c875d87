package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.xml.LemsSchema;
import org.lemsbridge.lems.xml.SecureStax;

/**
 * What the reader refuses beyond malformed XML: an element or attribute that the schema's vocabulary does not have
 * where the vocabulary is fixed, and documents nested too deeply; components stay open.
 */
class SecureXmlLimitsTest {

    @Test
    void aMisspelledAttributeOfADefinitionIsRefusedWithTheNameItMeant() {
        BadInputException refused = assertThrows(BadInputException.class, () -> SecureXml.read("""
                <Lems>
                  <ComponentType name="cell">
                    <Parameter name="tau" dimenson="time"/>
                  </ComponentType>
                </Lems>""", "cell.xml"));
        assertEquals("cell.xml:3:5: <Parameter> has no attribute 'dimenson'", refused.oneLine());
        assertEquals("did you mean 'dimension'?", refused.hint());
    }

    @Test
    void anUnknownMemberIsRefusedWhereverTheVocabularyIsFixed() {
        BadInputException inDynamics = assertThrows(BadInputException.class, () -> SecureXml.read(
                "<Lems><ComponentType name=\"t\"><Dynamics>\n<StateVarible name=\"v\"/></Dynamics></ComponentType>"
                        + "</Lems>", "t.xml"));
        assertEquals("t.xml:2:1: <StateVarible> is not allowed in <Dynamics>", inDynamics.oneLine());
        assertEquals("did you mean <StateVariable>?", inDynamics.hint());
        BadInputException behaviour = assertThrows(BadInputException.class, () -> SecureXml.read(
                "<Lems><ComponentType name=\"t\"><Behavior/></ComponentType></Lems>", "t.xml"));
        assertTrue(behaviour.hint().startsWith("allowed here: About, Attachments, Child, Children,"), behaviour.hint());
        BadInputException inAUnit = assertThrows(BadInputException.class, () -> SecureXml.read(
                "<Lems><Unit symbol=\"mV\" dimension=\"voltage\"><scale/></Unit></Lems>", "u.xml"));
        assertEquals("<scale> is not allowed in <Unit>", inAUnit.getMessage());
        assertEquals("it takes none here", inAUnit.hint());
    }

    @Test
    void componentsTakeAnyAttributeAndChildButDefinitionsInsideThemKeepTheirShape() {
        XmlElement root = SecureXml.read("""
                <neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="n">
                  <izhikevichCell id="iz" v0="-70mV" thresh="30mV"><notes>free</notes><anything at="all"/></izhikevichCell>
                  <Component id="c" type="t" threshold="1V"><Simulation step="1ms"/></Component>
                </neuroml>""", "n.nml");
        XmlElement cell = root.children().get(0);
        assertEquals(List.of("id", "v0", "thresh"), List.copyOf(cell.attributes().keySet()));
        assertEquals(List.of("notes", "anything"), cell.children().stream().map(XmlElement::tag).toList());
        assertEquals(new SourceLocation("n.nml", 3, 3), root.children().get(1).location());
        BadInputException nested = assertThrows(BadInputException.class, () -> SecureXml.read(
                "<Lems><cell id=\"c\"><Dimension name=\"x\" mass=\"1\"/></cell></Lems>", "c.xml"));
        assertEquals("c.xml:1:20: <Dimension> has no attribute 'mass'", nested.oneLine());
    }

    @Test
    void documentationInsideATypeIsFreeAndALemsLevelConstantMayHaveASymbol() {
        XmlElement root = SecureXml.read("""
                <Lems>
                  <Constant name="gravity" symbol="g" dimension="acceleration" value="9.8"/>
                  <ComponentType name="t">
                    <About>Any <b>text</b>, even <Unit nonsense="yes"/></About>
                    <Meta context="tool"><setting key="k" value="v"/></Meta>
                  </ComponentType>
                </Lems>""", "doc.xml");
        assertEquals("g", root.children().get(0).attributes().get("symbol"));
        assertEquals(List.of("About", "Meta"), root.children().get(1).children().stream().map(XmlElement::tag)
                .toList());
    }

    @Test
    void fiveThousandNestedElementsAreRefusedAtTheFirstLevelTooDeep() {
        String deep = "<Lems>" + "<a>".repeat(4_999) + "</a>".repeat(4_999) + "</Lems>";
        BadInputException refused = assertThrows(BadInputException.class, () -> SecureXml.read(deep, "deep.xml"));
        int column = "<Lems>".length() + 1 + 3 * (SecureStax.MAX_DEPTH - 1);
        assertEquals("deep.xml:1:" + column + ": elements nested deeper than 200 levels", refused.oneLine());
        String deepest = "<Lems>" + "<a>".repeat(SecureStax.MAX_DEPTH - 1) + "</a>".repeat(SecureStax.MAX_DEPTH - 1)
                + "</Lems>";
        XmlElement element = SecureXml.read(deepest, "ok.xml");
        int depth = 1;
        for (; !element.children().isEmpty(); element = element.children().get(0)) {
            depth++;
        }
        assertEquals(SecureStax.MAX_DEPTH, depth);
    }

    @Test
    void theStaxFactoryItselfStopsDeeperDocumentsForReadersThatDoNotCount() {
        String deep = "<Lems>" + "<a>".repeat(4_999) + "</a>".repeat(4_999) + "</Lems>";
        BadInputException refused = assertThrows(BadInputException.class,
                () -> LemsSchema.bundled().validate(deep, "deep.xml"));
        assertTrue(refused.getMessage().startsWith("malformed XML: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(String.valueOf(SecureStax.MAX_DEPTH + 1)), refused.getMessage());
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path folder) throws Exception {
        Path huge = folder.resolve("huge.xml");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(SecureXml.MAX_SIZE + 1);
        }
        BadInputException refused = assertThrows(BadInputException.class, () -> SecureXml.read(huge));
        assertEquals(huge + ":0:0: the document is larger than 256 MiB", refused.oneLine());
    }
}
