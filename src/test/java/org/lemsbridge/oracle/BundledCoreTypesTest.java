package org.lemsbridge.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

import org.lemsbridge.testing.SharedFolder;

/**
 * Checks the project's own NeuroML core type files (classpath /org/lemsbridge/lems/coretypes/):
 * presence, LEMS XSD validity, self-contained includes, coverage of the required types, and, where
 * the upstream NeuroML2 files are available, agreement with them on every name, dimension, unit
 * and (whitespace aside) every expression, in the same order.
 */
class BundledCoreTypesTest {

    private static final String DIR = "/org/lemsbridge/lems/coretypes/";
    private static final List<String> FILES = List.of("NeuroMLCoreDimensions.xml", "NeuroMLCoreCompTypes.xml",
            "Inputs.xml", "Synapses.xml", "Channels.xml", "Cells.xml", "Networks.xml", "Simulation.xml",
            "NeuroML2CoreTypes.xml", "PyNN.xml");
    private static final List<String> REQUIRED_TYPES = List.of("notes", "baseStandalone", "baseCell",
            "baseSpikingCell", "baseCellMembPot", "baseCellMembPotDL", "baseCellMembPotCap", "basePointCurrent",
            "basePointCurrentDL", "baseVoltageDepPointCurrent", "baseVoltageDepPointCurrentDL",
            "baseVoltageDepPointCurrentSpiking", "izhikevichCell", "izhikevich2007Cell", "iafCell", "iafTauCell",
            "iafRefCell", "iafTauRefCell", "adExIaFCell", "fitzHughNagumoCell", "fitzHughNagumo1969Cell",
            "pulseGenerator", "pulseGeneratorDL", "sineGenerator", "sineGeneratorDL", "rampGenerator",
            "rampGeneratorDL", "spikeGenerator", "network", "population", "populationList", "instance",
            "explicitInput", "inputList", "input", "inputW", "projection", "connection", "connectionWD",
            "synapticConnection", "synapticConnectionWD", "expOneSynapse", "expTwoSynapse", "alphaSynapse",
            "alphaCurrentSynapse", "Simulation", "Display", "Line", "OutputFile", "OutputColumn",
            "EventOutputFile", "EventSelection", "Meta", "ionChannelHH", "ionChannel", "ionChannelPassive",
            "ionChannelKS", "gateHHrates", "gateHHtauInf", "gateHHratesInf", "gateHHratesTau", "gateHHratesTauInf",
            "gateHHInstantaneous", "gateFractional", "gateKS", "HHExpRate", "HHSigmoidRate", "HHExpLinearRate",
            "HHExpVariable", "HHSigmoidVariable", "HHExpLinearVariable", "q10ExpTemp", "q10Fixed",
            "channelPopulation", "channelDensity", "pointCellCondBased", "cell", "morphology", "segment",
            "biophysicalProperties", "membraneProperties", "intracellularProperties", "species",
            "decayingPoolConcentrationModel", "fixedFactorConcentrationModel", "basePyNNCell", "basePyNNIaFCell",
            "basePyNNIaFCondCell", "IF_curr_alpha", "IF_curr_exp", "IF_cond_alpha", "IF_cond_exp",
            "EIF_cond_exp_isfa_ista", "EIF_cond_alpha_isfa_ista", "HH_cond_exp", "basePynnSynapse", "expCondSynapse",
            "expCurrSynapse", "alphaCondSynapse", "alphaCurrSynapse", "SpikeSourcePoisson");
    /** The one NeuroML file only partly bundled: its RDF annotation types are left out. */
    private static final String PARTLY_BUNDLED = "NeuroMLCoreCompTypes.xml";
    /** Types deliberately simplified here: annotation keeps only its property list (no RDF blocks). */
    private static final Set<String> SIMPLIFIED = Set.of("annotation");
    /** Attributes whose value is an expression; compared with all whitespace removed. */
    private static final Set<String> EXPRESSIONS = Set.of("value", "test", "condition");

    @Test
    void everyBundledFileIsOnTheClasspath() throws IOException {
        for (String file : FILES) {
            try (InputStream in = BundledCoreTypesTest.class.getResourceAsStream(DIR + file)) {
                assertNotNull(in, file);
            }
        }
    }

    @Test
    void everyIncludeResolvesInsideTheBundle() {
        for (String file : FILES) {
            for (Element include : elements(document(file).getDocumentElement(), "Include")) {
                assertTrue(FILES.contains(include.getAttribute("file")), file + " includes " + include.getAttribute("file"));
            }
        }
    }

    @Test
    void requiredTypesAreEachDefinedExactlyOnce() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Element type : bundledTypes().values()) {
            counts.merge(type.getAttribute("name"), 1, Integer::sum);
        }
        List<Element> all = new ArrayList<>();
        for (String file : FILES) {
            all.addAll(elements(document(file).getDocumentElement(), "ComponentType"));
        }
        assertEquals(counts.size(), all.size(), "no ComponentType is defined twice");
        for (String required : REQUIRED_TYPES) {
            assertEquals(1, counts.getOrDefault(required, 0), required);
        }
        for (Element type : all) {
            String parent = type.getAttribute("extends");
            assertTrue(parent.isEmpty() || counts.containsKey(parent), type.getAttribute("name") + " extends " + parent);
        }
    }

    @Test
    void everyBundledFileIsValidAgainstTheLemsSchema() throws Exception {
        Path xsd = SharedFolder.file("upstream/LEMS/Schemas/LEMS/LEMS_v0.7.6.xsd");
        Schema schema = SecureXml.schema(xsd);
        for (String file : FILES) {
            assertNull(SecureXml.firstViolation(schema, BundledCoreTypesTest.class.getResourceAsStream(DIR + file)), file);
        }
    }

    @Test
    void dimensionsAndUnitsAgreeWithNeuroML() throws IOException {
        Path upstream = upstreamCoreTypes().resolve("NeuroMLCoreDimensions.xml");
        assumeTrue(Files.isRegularFile(upstream), "NeuroML2 core types not available at " + upstream);
        Element ours = document("NeuroMLCoreDimensions.xml").getDocumentElement();
        Element theirs;
        try (InputStream in = Files.newInputStream(upstream)) {
            theirs = SecureXml.parse(in).getDocumentElement();
        }
        assertEquals(dimensionTable(theirs), dimensionTable(ours));
        assertEquals(unitTable(theirs), unitTable(ours));
        assertEquals(24, dimensionTable(ours).size());
        assertEquals(74, unitTable(ours).size());
    }

    @Test
    void componentTypesAgreeWithNeuroMLNamesDimensionsAndExpressions() throws IOException {
        Path dir = upstreamCoreTypes();
        assumeTrue(Files.isDirectory(dir), "NeuroML2 core types not available at " + dir);
        Map<String, Element> upstream = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Element type : elements(SecureXml.parse(in).getDocumentElement(), "ComponentType")) {
                        upstream.put(type.getAttribute("name"), type);
                    }
                }
            }
        }
        int compared = 0;
        for (Element ours : bundledTypes().values()) {
            String name = ours.getAttribute("name");
            if (SIMPLIFIED.contains(name)) {
                continue;
            }
            Element theirs = upstream.get(name);
            assertNotNull(theirs, "NeuroML defines no ComponentType " + name);
            assertEquals(theirs.getAttribute("extends"), ours.getAttribute("extends"), name + " extends");
            assertEquals(members(theirs), members(ours), name + " members");
            for (String block : List.of("Dynamics", "Structure", "Simulation")) {
                assertEquals(ordered(theirs, block), ordered(ours, block), name + " " + block);
            }
            compared++;
        }
        assertTrue(compared >= 218, "compared " + compared + " types");
    }

    @Test
    void everyNeuroMLTypeOutsideTheAnnotationsIsBundled() throws IOException {
        Path dir = upstreamCoreTypes();
        assumeTrue(Files.isDirectory(dir), "NeuroML2 core types not available at " + dir);
        Set<String> bundled = bundledTypes().keySet();
        Set<String> missing = new TreeSet<>();
        for (String file : FILES) {
            Path upstream = dir.resolve(file);
            if (file.equals(PARTLY_BUNDLED) || !Files.isRegularFile(upstream)) {
                continue;
            }
            try (InputStream in = Files.newInputStream(upstream)) {
                for (Element type : elements(SecureXml.parse(in).getDocumentElement(), "ComponentType")) {
                    if (!bundled.contains(type.getAttribute("name"))) {
                        missing.add(file + ": " + type.getAttribute("name"));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** Declarations outside the behaviour blocks, as a set of canonical strings (order-free). */
    private static Set<String> members(Element type) {
        Set<String> result = new TreeSet<>();
        for (Element member : SecureXml.childElements(type)) {
            String tag = member.getLocalName();
            if (!tag.equals("Dynamics") && !tag.equals("Structure") && !tag.equals("Simulation")) {
                result.add(canonical(member));
            }
        }
        return result;
    }

    /** A behaviour block flattened depth-first in document order, each element as a canonical string. */
    private static List<String> ordered(Element type, String block) {
        List<String> result = new ArrayList<>();
        for (Element child : SecureXml.childElements(type)) {
            if (child.getLocalName().equals(block)) {
                flatten(child, result);
            }
        }
        return result;
    }

    private static void flatten(Element element, List<String> out) {
        out.add(canonical(element));
        for (Element child : SecureXml.childElements(element)) {
            flatten(child, out);
        }
    }

    /**
     * Tag plus sorted attributes, without descriptions. A DerivedVariable's dimension is left out
     * because NeuroML omits it on some (gap junction) variables while this bundle always states it.
     */
    private static String canonical(Element element) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr attr = (Attr) map.item(i);
            String key = attr.getName();
            if (key.equals("description") || key.startsWith("xmlns")
                    || (element.getLocalName().equals("DerivedVariable") && key.equals("dimension"))) {
                continue;
            }
            String value = attr.getValue();
            attributes.put(key, EXPRESSIONS.contains(key) ? value.replaceAll("\\s+", "") : value.trim());
        }
        return element.getLocalName() + attributes;
    }

    private static Map<String, String> dimensionTable(Element root) {
        Map<String, String> table = new TreeMap<>();
        for (Element d : elements(root, "Dimension")) {
            StringBuilder exponents = new StringBuilder();
            for (String axis : List.of("m", "l", "t", "i", "k", "n", "j")) {
                String v = d.getAttribute(axis);
                exponents.append(axis).append('=').append(v.isEmpty() ? "0" : v).append(' ');
            }
            table.put(d.getAttribute("name"), exponents.toString().trim());
        }
        return table;
    }

    private static Map<String, String> unitTable(Element root) {
        Map<String, String> table = new TreeMap<>();
        for (Element u : elements(root, "Unit")) {
            String power = u.getAttribute("power").isEmpty() ? "0" : u.getAttribute("power");
            String scale = u.getAttribute("scale").isEmpty() ? "1" : u.getAttribute("scale");
            String offset = u.getAttribute("offset").isEmpty() ? "0" : u.getAttribute("offset");
            table.put(u.getAttribute("symbol"), u.getAttribute("dimension") + " 10^" + power + " *"
                    + Double.parseDouble(scale) + " +" + Double.parseDouble(offset));
        }
        return table;
    }

    private static Map<String, Element> bundledTypes() {
        Map<String, Element> types = new LinkedHashMap<>();
        for (String file : FILES) {
            for (Element type : elements(document(file).getDocumentElement(), "ComponentType")) {
                types.put(type.getAttribute("name"), type);
            }
        }
        return types;
    }

    private static List<Element> elements(Element root, String tag) {
        return SecureXml.childElements(root).stream().filter(e -> e.getLocalName().equals(tag)).toList();
    }

    private static Document document(String file) {
        InputStream in = BundledCoreTypesTest.class.getResourceAsStream(DIR + file);
        assertNotNull(in, file);
        return SecureXml.parse(in);
    }

    private static Path upstreamCoreTypes() {
        return SharedFolder.location().resolve("upstream/NeuroML2/NeuroML2CoreTypes");
    }
}
