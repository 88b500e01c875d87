package org.lemsbridge.lems.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.lemsbridge.lems.write.LemsView.Attribute;
import org.lemsbridge.lems.write.LemsView.CaseDef;
import org.lemsbridge.lems.write.LemsView.ComponentDef;
import org.lemsbridge.lems.write.LemsView.ComponentTypeDef;
import org.lemsbridge.lems.write.LemsView.ConditionalDerivedVariableDef;
import org.lemsbridge.lems.write.LemsView.DimensionDef;
import org.lemsbridge.lems.write.LemsView.Dimensioned;
import org.lemsbridge.lems.write.LemsView.Document;
import org.lemsbridge.lems.write.LemsView.DynamicsDef;
import org.lemsbridge.lems.write.LemsView.OnConditionDef;
import org.lemsbridge.lems.write.LemsView.StateAssignmentDef;
import org.lemsbridge.lems.write.LemsView.StateVariableDef;
import org.lemsbridge.lems.write.LemsView.UnitDef;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class LemsWriterTest {

    private static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Document sample(String description, String attributeValue) {
        DynamicsDef dynamics = new DynamicsDef(
                List.of(new StateVariableDef("v", "none", "v")),
                List.of(),
                List.of(new ConditionalDerivedVariableDef("I", "none", null,
                        List.of(new CaseDef("t .geq. d", "amp"), new CaseDef(null, "0.0")))),
                List.of(),
                List.of(new StateAssignmentDef("v", "v_0")),
                List.of(new OnConditionDef("v .gt. th", List.of(new StateAssignmentDef("v", "c")), List.of("spike"))));
        ComponentTypeDef type = new ComponentTypeDef("Cell", description,
                List.of(new Dimensioned("d", "time", null)), List.of(), List.of(), List.of(),
                List.of(new LemsView.EventPortDef("spike", "out")), List.of(new Dimensioned("v", "none", null)),
                List.of(), List.of(), dynamics, null);
        ComponentDef inst = new ComponentDef("cell_inst", "Cell", List.of(new Attribute("d", attributeValue)), List.of());
        return new Document("sim", List.of(new DimensionDef("time", List.of(new Attribute("t", "1")))),
                List.of(new UnitDef("ms", "time", "-3", null, null)), List.of(type), List.of(inst));
    }

    @Test
    void writesElementsInSchemaOrderWithTheGivenAttributes() throws Exception {
        String xml = new LemsWriter().write(sample(null, "20.0ms"));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Lems "), xml);
        org.w3c.dom.Document dom = parse(xml);
        Element root = dom.getDocumentElement();
        assertEquals("http://www.neuroml.org/lems/0.7.6", root.getNamespaceURI());
        List<String> topLevel = new java.util.ArrayList<>();
        for (var n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                topLevel.add(e.getLocalName());
            }
        }
        assertEquals(List.of("Target", "Dimension", "Unit", "ComponentType", "Component"), topLevel);
        Element cdv = (Element) dom.getElementsByTagName("ConditionalDerivedVariable").item(0);
        Element lastCase = (Element) cdv.getElementsByTagName("Case").item(1);
        assertEquals("", lastCase.getAttribute("condition"));
        assertTrue(!lastCase.hasAttribute("condition"));
        assertEquals("0.0", lastCase.getAttribute("value"));
        assertEquals("-3", ((Element) dom.getElementsByTagName("Unit").item(0)).getAttribute("power"));
        assertTrue(!((Element) dom.getElementsByTagName("Unit").item(0)).hasAttribute("scale"));
        assertEquals("spike", ((Element) dom.getElementsByTagName("EventOut").item(0)).getAttribute("port"));
        assertEquals("20.0ms", ((Element) dom.getElementsByTagName("Component").item(0)).getAttribute("d"));
    }

    @Test
    void escapesEveryUserString() throws Exception {
        String nasty = "<x> & \"y\" 'z'";
        String xml = new LemsWriter().write(sample(nasty, nasty));
        assertTrue(xml.contains("&lt;x&gt; &amp; &quot;y&quot;"), xml);
        org.w3c.dom.Document dom = parse(xml);
        assertEquals(nasty, ((Element) dom.getElementsByTagName("ComponentType").item(0)).getAttribute("description"));
        assertEquals(nasty, ((Element) dom.getElementsByTagName("Component").item(0)).getAttribute("d"));
    }

    @Test
    void nestsChildComponents() throws Exception {
        ComponentDef column = new ComponentDef("v", "OutputColumn", List.of(new Attribute("quantity", "v")), List.of());
        ComponentDef file = new ComponentDef("out", "OutputFile", List.of(new Attribute("fileName", "x.dat")),
                List.of(column));
        ComponentDef sim = new ComponentDef("sim", "Simulation", List.of(new Attribute("length", "1ms")),
                List.of(file));
        Document doc = new Document(null, List.of(), List.of(), List.of(), List.of(sim));
        org.w3c.dom.Document dom = parse(new LemsWriter().write(doc));
        Element outer = (Element) dom.getDocumentElement().getElementsByTagName("Component").item(0);
        assertEquals("sim", outer.getAttribute("id"));
        Element inner = (Element) outer.getElementsByTagName("Component").item(0);
        assertEquals("out", inner.getAttribute("id"));
        Element col = (Element) inner.getElementsByTagName("Component").item(0);
        assertEquals("v", col.getAttribute("quantity"));
        assertEquals(0, dom.getElementsByTagName("Target").getLength());
    }
}
