package org.lemsbridge.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.lems.write.LemsView;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

class ExperimentToLemsTest {

    static Path resource(String name) {
        try {
            return Path.of(ExperimentToLemsTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RenderResult render(Path yaml) {
        return new ExperimentToLems().render(ExperimentReader.read(yaml));
    }

    @ParameterizedTest
    @ValueSource(strings = {"izhikevich-tonic", "izhikevich-burst"})
    void seedsMatchTheirGoldenFilesAndTheOfficialSchema(String seed) throws Exception {
        RenderResult result = render(Path.of("examples", seed + ".yaml"));
        assertEquals(List.of(), result.warnings());
        String golden = Files.readString(resource(seed + ".lems.xml"), StandardCharsets.UTF_8);
        Diff diff = DiffBuilder.compare(Input.fromString(golden)).withTest(Input.fromString(result.xml()))
                .ignoreWhitespace().ignoreComments().checkForSimilar().build();
        assertFalse(diff.hasDifferences(), diff.toString());
        LemsXml.validate(result.xml());
    }

    @Test
    void seedIsSelfContainedWithTimeDerivativesScaledByTheTimeScale() throws Exception {
        org.w3c.dom.Document dom = LemsXml.parse(render(Path.of("examples", "izhikevich-tonic.yaml")).xml());
        assertEquals(0, dom.getElementsByTagName("Include").getLength());
        Element sec = (Element) dom.getElementsByTagName("Constant").item(0);
        assertEquals("SEC", sec.getAttribute("name"));
        assertEquals("1.0ms", sec.getAttribute("value"));
        NodeList derivatives = dom.getElementsByTagName("TimeDerivative");
        for (int i = 0; i < derivatives.getLength(); i++) {
            assertTrue(((Element) derivatives.item(i)).getAttribute("value").endsWith(") / SEC"));
        }
        Element instance = component(dom, "IzhikevichCell_inst");
        assertEquals("20.0ms", instance.getAttribute("pulse_delay"));
        assertEquals("-70.0", instance.getAttribute("v_0"));
        Element sim = component(dom, "sim_NeuroML_Ex2__Izhikevich__tonic_");
        assertEquals("200.0ms", sim.getAttribute("length"));
        assertEquals("0.005ms", sim.getAttribute("step"));
        assertEquals("IzhikevichCell_inst", sim.getAttribute("target"));
        assertEquals("sim_NeuroML_Ex2__Izhikevich__tonic_",
                ((Element) dom.getElementsByTagName("Target").item(0)).getAttribute("component"));
        assertEquals("IzhikevichCell.dat", component(dom, "IzhikevichCell_out").getAttribute("fileName"));
    }

    private static Element component(org.w3c.dom.Document dom, String id) {
        NodeList all = dom.getElementsByTagName("Component");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError("no component " + id);
    }

    @Test
    void unitsAreDefinedInlineAndUserStringsEscaped() throws Exception {
        RenderResult result = render(resource("units.yaml"));
        LemsXml.validate(result.xml());
        org.w3c.dom.Document dom = LemsXml.parse(result.xml());
        Element type = (Element) dom.getElementsByTagName("ComponentType").item(3);
        assertEquals("Leaky_cell", type.getAttribute("name"));
        assertEquals("<x> & \"y\"", type.getAttribute("description"));
        Element eL = (Element) type.getElementsByTagName("Parameter").item(0);
        assertEquals("rest <potential> & \"leak\"", eL.getAttribute("description"));
        assertEquals("sim__x_____y_", ((Element) dom.getElementsByTagName("Target").item(0)).getAttribute("component"));
        List<String> unitSymbols = elements(dom, "Unit").stream().map(e -> e.getAttribute("symbol")).toList();
        assertEquals(List.of("mV", "ms", "per_mV"), unitSymbols);
        Element perMv = elements(dom, "Unit").get(2);
        assertEquals("3", perMv.getAttribute("power"));
        String perMvDimension = perMv.getAttribute("dimension");
        Element dim = elements(dom, "Dimension").stream()
                .filter(d -> d.getAttribute("name").equals(perMvDimension)).findFirst().orElseThrow();
        assertEquals("-1 -2 3 1", String.join(" ", dim.getAttribute("m"), dim.getAttribute("l"),
                dim.getAttribute("t"), dim.getAttribute("i")));
        Element instance = component(dom, "Leaky_cell_inst");
        assertEquals("-65.0mV", instance.getAttribute("E_L"));
        assertEquals("2.0per_mV", instance.getAttribute("g"));
        assertEquals("1.5", instance.getAttribute("exp_par"));
        assertEquals("-70.0mV", instance.getAttribute("v_0"));
        assertEquals(0, dom.getElementsByTagName("Constant").getLength(), "a model with units needs no SEC");
        Element dv = elements(dom, "DerivedVariable").get(0);
        assertEquals("H_dv", dv.getAttribute("name"));
        assertEquals("(exp_par * g) * (v - E_L)", dv.getAttribute("value"));
        Element td = elements(dom, "TimeDerivative").get(0);
        assertEquals("voltage", elements(dom, "StateVariable").get(1).getAttribute("dimension"));
        assertTrue(td.getAttribute("value").startsWith("((E_L - v) / tau) + "), td.getAttribute("value"));
    }

    private static List<Element> elements(org.w3c.dom.Document dom, String tag) {
        NodeList nodes = dom.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i))
                .collect(Collectors.toList());
    }

    @Test
    void piecewiseIsLiftedAndDerivedVariablesOrderedForJlems() throws Exception {
        ExperimentToLems.Conversion conversion = new ExperimentToLems().convert(
                ExperimentReader.read(resource("piecewise.yaml")));
        assertEquals(1, conversion.warnings().size());
        assertTrue(conversion.warnings().get(0).contains("'heun'"), conversion.warnings().get(0));
        LemsView.DynamicsDef dyn = conversion.document().componentTypes().get(3).dynamics();
        assertEquals(List.of("y", "z"), dyn.derivedVariables().stream().map(LemsView.DerivedVariableDef::name).toList());
        assertEquals(List.of("gate", "drive", "mix_pw1", "mix_pw2", "mix", "x_pw1"),
                dyn.conditionalDerivedVariables().stream().map(LemsView.ConditionalDerivedVariableDef::name).toList());
        LemsView.ConditionalDerivedVariableDef gate = dyn.conditionalDerivedVariables().get(0);
        assertEquals(List.of(new LemsView.CaseDef("x .gt. thr", "k"), new LemsView.CaseDef(null, "0.0")), gate.cases());
        assertEquals(List.of(new LemsView.CaseDef(null, "(2.0 * gate) + z")),
                dyn.conditionalDerivedVariables().get(1).cases());
        assertEquals(List.of(new LemsView.CaseDef("x .lt. 0.0", "1.0"), new LemsView.CaseDef(null, "mix_pw1")),
                dyn.conditionalDerivedVariables().get(3).cases());
        assertEquals("((drive - x) + x_pw1) / SEC", dyn.timeDerivatives().get(0).value());
        LemsXml.validate(new org.lemsbridge.lems.write.LemsWriter().write(conversion.document()));
    }

    @Test
    void userFunctionsAreInlinedAndDerivedParametersBecomeDerivedVariables() {
        ExperimentToLems.Conversion conversion = new ExperimentToLems().convert(
                ExperimentReader.read(resource("functions.yaml")));
        assertEquals(1, conversion.warnings().size());
        assertTrue(conversion.warnings().get(0).contains("'y2' has no initial_value; using 0.1"),
                conversion.warnings().get(0));
        LemsView.DynamicsDef dyn = conversion.document().componentTypes().get(3).dynamics();
        assertEquals(List.of(new LemsView.DerivedVariableDef("twice_e0", "none", null, "2.0 * e0")),
                dyn.derivedVariables());
        String sigmY = "twice_e0 / (1.0 + exp(r * (v0 - (y1 - y2))))";
        assertEquals("((" + sigmY + ") - y1) / SEC", dyn.timeDerivatives().get(0).value());
        String sigmOfSigm = "twice_e0 / (1.0 + exp(r * (v0 - (twice_e0 / (1.0 + exp(r * (v0 - y2)))))))";
        assertEquals("(((twice_e0 / (1.0 + exp(r * (v0 - y1)))) + (" + sigmOfSigm + ")) - y2) / SEC",
                dyn.timeDerivatives().get(1).value());
        LemsView.ComponentDef instance = conversion.document().components().get(0);
        assertTrue(instance.attributes().contains(new LemsView.Attribute("y2_0", "0.1")));
    }

    @Test
    void conditionalCasesBecomeACdvAndSecondsGiveSecEqualToOneSecond() throws Exception {
        RenderResult result = render(resource("cases.yaml"));
        LemsXml.validate(result.xml());
        ExperimentToLems.Conversion conversion = new ExperimentToLems().convert(
                ExperimentReader.read(resource("cases.yaml")));
        LemsView.ComponentTypeDef type = conversion.document().componentTypes().get(3);
        assertEquals(List.of(new LemsView.ConstantDef("SEC", "time", "1.0s")), type.constants());
        LemsView.DynamicsDef dyn = type.dynamics();
        assertEquals(List.of(), dyn.derivedVariables());
        assertEquals(List.of(
                new LemsView.ConditionalDerivedVariableDef("f", "none", null, List.of(
                        new LemsView.CaseDef("x .lt. 0.0", "(x ^ 2.0) - (3.0 * x)"),
                        new LemsView.CaseDef(null, "x0 - x"))),
                new LemsView.ConditionalDerivedVariableDef("H_dv", "none", null, List.of(
                        new LemsView.CaseDef(null, "f / 2.0")))), dyn.conditionalDerivedVariables());
        assertEquals("(H_dv - x) / SEC", dyn.timeDerivatives().get(0).value());
        LemsView.ComponentDef sim = conversion.document().components().get(1);
        assertEquals(List.of(new LemsView.Attribute("length", "2.0s"), new LemsView.Attribute("step", "0.001s"),
                new LemsView.Attribute("target", "Epi_inst")), sim.attributes());
    }
}
