package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.lemsbridge.testing.SharedFolder;

class UnitTableTest {

    private static final UnitTable TABLE = UnitTable.standard();

    /** Adding many at once gives the very table, in the very order, that adding them one by one gives. */
    @Test
    void addingInBulkEqualsAddingOneByOneInOrder() {
        Dimension speed = new Dimension(0, 1, -1, 0, 0, 0, 0);
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        dimensions.put("speed", speed);
        dimensions.put("voltage", new Dimension(1, 2, -3, -1, 0, 0, 0)); // replaces the standard one in place
        dimensions.put("none", Dimension.NONE);
        dimensions.put("area2", new Dimension(0, 2, 0, 0, 0, 0, 0));
        List<Unit> units = List.of(new Unit("m_per_s", speed, 0, 1.0, 0.0), new Unit("mV", speed, -3, 1.0, 0.0),
                new Unit("furlong", new Dimension(0, 1, 0, 0, 0, 0, 0), 0, 201.168, 0.0),
                new Unit("m_per_s", speed, 0, 2.0, 0.0), new Unit("degC", Dimension.NONE, 0, 1.0, 273.15));
        UnitTable oneByOne = UnitTable.standard();
        for (Map.Entry<String, Dimension> entry : dimensions.entrySet()) {
            oneByOne = oneByOne.withDimension(entry.getKey(), entry.getValue());
        }
        for (Unit unit : units) {
            oneByOne = oneByOne.withUnit(unit);
        }
        UnitTable bulk = UnitTable.standard().withDimensions(dimensions).withUnits(units);
        assertEquals(List.copyOf(oneByOne.dimensions().entrySet()), List.copyOf(bulk.dimensions().entrySet()));
        assertEquals(List.copyOf(oneByOne.units()), List.copyOf(bulk.units()));
        assertEquals(2.0, bulk.unit("m_per_s").orElseThrow().scale());
        assertEquals(UnitTable.standard().dimensions().size() + 2, bulk.dimensions().size());
    }

    @Test
    void standardTableMatchesNeuroMlCoreDimensionsFile() throws Exception {
        Document document = parseUpstream("NeuroML2/NeuroML2CoreTypes/NeuroMLCoreDimensions.xml");

        Map<String, Dimension> expectedDimensions = new LinkedHashMap<>();
        expectedDimensions.put("none", Dimension.NONE);
        NodeList dimensionElements = document.getElementsByTagName("Dimension");
        for (int index = 0; index < dimensionElements.getLength(); index++) {
            Element e = (Element) dimensionElements.item(index);
            expectedDimensions.put(e.getAttribute("name"), new Dimension(exponent(e, "m"), exponent(e, "l"),
                    exponent(e, "t"), exponent(e, "i"), exponent(e, "k"), exponent(e, "n"), exponent(e, "j")));
        }
        assertEquals(25, expectedDimensions.size());
        assertEquals(List.copyOf(expectedDimensions.entrySet()), List.copyOf(TABLE.dimensions().entrySet()));

        List<Unit> expectedUnits = new ArrayList<>();
        expectedUnits.add(Unit.NONE);
        NodeList unitElements = document.getElementsByTagName("Unit");
        for (int index = 0; index < unitElements.getLength(); index++) {
            Element e = (Element) unitElements.item(index);
            expectedUnits.add(new Unit(e.getAttribute("symbol"),
                    expectedDimensions.get(e.getAttribute("dimension")),
                    exponent(e, "power"),
                    e.hasAttribute("scale") ? Double.parseDouble(e.getAttribute("scale")) : 1.0,
                    e.hasAttribute("offset") ? Double.parseDouble(e.getAttribute("offset")) : 0.0));
        }
        assertEquals(75, expectedUnits.size());
        assertEquals(expectedUnits, List.copyOf(TABLE.units()));
    }

    @Test
    void lookupsFindStandardEntries() {
        assertEquals(new Unit("mV", new Dimension(1, 2, -3, -1, 0, 0, 0), -3, 1.0, 0.0),
                TABLE.unit("mV").orElseThrow());
        assertEquals(new Dimension(-1, -4, 4, 2, 0, 0, 0), TABLE.dimension("specificCapacitance").orElseThrow());
        assertEquals("conductance", TABLE.dimensionName(new Dimension(-1, -2, 3, 2, 0, 0, 0)).orElseThrow());
        assertEquals("none", TABLE.dimensionName(Dimension.NONE).orElseThrow());
        assertTrue(TABLE.unit("kHz").isEmpty());
        assertTrue(TABLE.dimension("speed").isEmpty());
        assertTrue(TABLE.dimensionName(new Dimension(1, 0, 0, 0, 0, 0, 0)).isEmpty());
    }

    @Test
    void withDimensionAndWithUnitCopyWithoutChangingTheOriginal() {
        Dimension mass = new Dimension(1, 0, 0, 0, 0, 0, 0);
        Unit kg = Unit.of("kg", mass, 0);
        UnitTable extended = TABLE.withDimension("mass", mass).withUnit(kg);

        assertEquals(mass, extended.dimension("mass").orElseThrow());
        assertEquals(kg, extended.unit("kg").orElseThrow());
        assertEquals("mass", extended.dimensionName(mass).orElseThrow());
        assertEquals(kg, List.copyOf(extended.units()).get(extended.units().size() - 1));
        assertTrue(TABLE.dimension("mass").isEmpty());
        assertTrue(TABLE.unit("kg").isEmpty());
        assertEquals(TABLE.units().size() + 1, extended.units().size());
        assertNotEquals(TABLE, extended);
    }

    @Test
    void withUnitReplacesAnExistingSymbolInPlace() {
        Unit odd = Unit.of("ms", new Dimension(0, 0, 1, 0, 0, 0, 0), -2);
        UnitTable changed = TABLE.withUnit(odd);
        assertEquals(odd, changed.unit("ms").orElseThrow());
        assertEquals(TABLE.units().size(), changed.units().size());
        assertEquals(List.copyOf(TABLE.units()).indexOf(TABLE.unit("ms").orElseThrow()),
                List.copyOf(changed.units()).indexOf(odd));
    }

    @Test
    void emptyTableKnowsOnlyNone() {
        UnitTable empty = UnitTable.empty();
        assertEquals(Map.of("none", Dimension.NONE), empty.dimensions());
        assertEquals(List.of(Unit.NONE), List.copyOf(empty.units()));
        assertFalse(empty.unit("mV").isPresent());
    }

    private static int exponent(Element element, String attribute) {
        return element.hasAttribute(attribute) ? Integer.parseInt(element.getAttribute(attribute)) : 0;
    }

    static Document parseUpstream(String relative) throws Exception {
        Path file = SharedFolder.file("upstream/" + relative);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
