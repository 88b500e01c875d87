package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.error.SourceLocation;

class ShortcutsAndAliasesTest {

    private static Experiment corpus(String name) {
        return ExperimentReader.read(CorpusRoundTripTest.corpus().resolve(name));
    }

    private static RawValue.Scalar str(String text) {
        return RawValue.Scalar.string(text);
    }

    private static RawValue.Scalar flt(String text) {
        return new RawValue.Scalar(text, "float");
    }

    @Test
    void bareNumbersStringsAndAliases() {
        Experiment e = corpus("02-shortcuts.yaml");
        Dynamics d = e.dynamics();
        assertEquals(0.7, d.parameters().get("a").value());
        assertEquals(-3.0, d.parameters().get("b").value());
        assertNull(d.parameters().get("a").unit());
        assertEquals(new SourceLocation(CorpusRoundTripTest.corpus().resolve("02-shortcuts.yaml").toString(), 6, 8),
                d.parameters().get("a").location());
        assertEquals("a*b", d.derivedParameters().get("ab").equation().rhs());
        assertEquals("a + b*x", d.derivedVariables().get("drive").equation().rhs());
        assertEquals(13, d.derivedVariables().get("drive").equation().rhsLocation().line());
        assertEquals(12, d.derivedVariables().get("drive").equation().rhsLocation().column());

        StateVariable x = d.stateVariables().get("x");
        assertEquals("Derivative(x, t)", x.equation().lhs());
        assertEquals("(drive - x)/tau", x.equation().rhs());
        assertEquals(new RawValue.Mapping(Map.of("lo", flt("-2.0"), "hi", flt("2.0"))), x.extras().get("domain"));
        assertFalse(x.extras().has("range"));

        StateVariable y = d.stateVariables().get("y");
        assertEquals("x - y", y.equation().rhs());
        assertEquals(22, y.equation().rhsLocation().line());
        assertEquals(17, y.equation().rhsLocation().column());
        assertEquals(0.1, y.initialValue());
        assertFalse(y.initialValueGiven());
        assertFalse(y.variableOfInterest());
        RawValue.Mapping domain = (RawValue.Mapping) y.extras().get("domain");
        assertEquals(List.of("lo", "hi", "enforce"), List.copyOf(domain.entries().keySet()));
        assertEquals(str("clamp"), domain.entries().get("enforce"));

        assertEquals(new RawValue.Sequence(List.of(str("first"), str("second"))), d.extras().get("modes"));
        assertFalse(d.extras().has("components"));
        assertEquals(3, e.network().numberOfNodes());
        assertEquals(0.1, e.integration().stepSize());
        assertEquals(50.0, e.integration().duration());
        assertEquals("ms", e.integration().timeScale());
        assertEquals("euler", e.integration().method());
    }

    @Test
    void legacyLocalDynamicsAndConnectivity() {
        Experiment e = corpus("03-legacy-local-dynamics.yaml");
        assertEquals("Generic2dOscillator", e.dynamics().name());
        assertEquals(1.0, e.dynamics().parameters().get("tau").value());
        assertEquals("dV/dt", e.dynamics().stateVariables().get("V").equation().lhs());
        assertEquals(0.1, e.dynamics().stateVariables().get("W").initialValue());
        assertEquals(new RawValue.Sequence(List.of(str("Generic2dOscillator"), str("JansenRit"))),
                e.extras().get("dynamics"));
        assertEquals(new RawValue.Scalar("17", "int"), e.extras().get("id"));
        assertEquals(1, e.network().numberOfNodes());
        assertTrue(e.network().extras().has("parcellation"));
        assertTrue(ExperimentWriter.write(e).contains("\nlocal_dynamics:\n"));
    }

    @Test
    void modelSlotAndFlowIntegration() {
        Experiment e = corpus("04-model-slot.yaml");
        assertEquals("Linear", e.dynamics().name());
        assertEquals("-k*x", e.dynamics().stateVariables().get("x").equation().rhs());
        assertEquals("Heun", e.integration().method());
        assertEquals(0.01, e.integration().stepSize());
        assertEquals(5.0, e.integration().duration());
    }

    @Test
    void defaultsWhenAbsent() {
        Experiment e = corpus("01-minimal.yaml");
        assertNull(e.label());
        assertEquals(Dynamics.DEFAULT_NAME, e.dynamics().name());
        assertEquals(0.01220703125, e.integration().stepSize());
        assertEquals(1000.0, e.integration().duration());
        assertEquals("ms", e.integration().timeScale());
        assertEquals("euler", e.integration().method());
        assertEquals(0.0, e.integration().transientTime());
        assertEquals(1, e.network().numberOfNodes());
        StateVariable x = e.dynamics().stateVariables().get("x");
        assertEquals(0.1, x.initialValue());
        assertTrue(x.variableOfInterest());
    }

    @Test
    void conditionalDerivedVariableWithCases() {
        DerivedVariable f1 = corpus("05-piecewise-cases.yaml").dynamics().derivedVariables().get("f1");
        assertTrue(f1.conditional());
        assertNull(f1.equation());
        assertEquals("dimensionless", f1.unit());
        assertEquals(2, f1.cases().size());
        assertEquals("x1 < 0", f1.cases().get(0).condition());
        assertEquals("x1**3 - 3*x1**2", f1.cases().get(0).equation().rhs());
        assertEquals(11, f1.cases().get(0).location().line());
        assertEquals(22, f1.cases().get(0).location().column());
        assertEquals("(x1 - 0.6*(z - 4)**2 - slope)*x1", f1.cases().get(1).equation().rhs());
        assertEquals(str("second branch"), f1.cases().get(1).extras().get("x-note"));
    }

    @Test
    void functionsWithListAndMappingArguments() {
        Dynamics d = corpus("06-functions.yaml").dynamics();
        assertEquals(List.of("Sigm", "Gain", "Shaped"), List.copyOf(d.functions().keySet()));
        assertEquals(List.of("v"), d.functions().get("Sigm").arguments());
        assertEquals("2*e0/(1 + exp(r*(v0 - v)))", d.functions().get("Sigm").equation().rhs());
        assertEquals(str("sigmoid"), d.functions().get("Sigm").extras().get("description"));
        assertEquals(List.of("x", "y"), d.functions().get("Gain").arguments());
        assertFalse(d.functions().get("Gain").extras().has("arguments"));
        assertEquals(List.of("u"), d.functions().get("Shaped").arguments());
        assertTrue(d.functions().get("Shaped").extras().has("arguments"), "argument details are kept");
        assertEquals("e0/2", d.derivedParameters().get("A_half").equation().rhs());
        assertEquals("1/s", d.derivedParameters().get("A_half").unit());
    }

    @Test
    void eventsWithShortcutsAndTypes() {
        Dynamics d = corpus("07-events.yaml").dynamics();
        Event spike = d.events().get("spike");
        assertEquals("v > thresh", spike.condition().rhs());
        assertEquals("v = reset", spike.affect().rhs());
        assertNull(spike.eventType());
        Event kick = d.events().get("kick");
        assertNull(kick.condition());
        assertEquals("preset_time", kick.eventType());
        assertEquals(new RawValue.Sequence(List.of(flt("10.0"), flt("20.5"))), kick.extras().get("trigger_times"));
        assertEquals(str("nudge"), kick.affect().extras().get("label"));
        assertEquals("mV", d.stateVariables().get("v").unit());
    }

    @Test
    void anchorsAndMergeKeys() {
        Experiment e = corpus("08-anchors-merge.yaml");
        Map<String, Parameter> p = e.dynamics().parameters();
        assertEquals(20.0, p.get("tau1").value());
        assertEquals("ms", p.get("tau1").unit());
        assertEquals("slow time constant", p.get("tau1").description());
        assertEquals("overridden text", p.get("tau2").description());
        assertEquals(60.0, p.get("tau3").value());
        assertEquals("ms", p.get("tau3").unit(), "the first merge source wins");
        StateVariable b = e.dynamics().stateVariables().get("b");
        assertEquals("-b/tau2", b.equation().rhs());
        assertEquals(1.0, b.initialValue());
        assertEquals(0.02, e.integration().stepSize());
        assertEquals(10.0, e.integration().duration());
    }

    @Test
    void includesResolveRelativeToTheIncludingFile() {
        Experiment e = corpus("10-include-main.yaml");
        Path parts = CorpusRoundTripTest.corpus().resolve("parts");
        assertEquals(3.0, e.dynamics().parameters().get("k").value());
        Parameter m = e.dynamics().parameters().get("m");
        assertEquals(1.5, m.value());
        assertEquals("kg", m.unit());
        assertEquals(new SourceLocation(parts.resolve("constants/mass.yaml").toString(), 1, 1), m.location());
        Equation v = e.dynamics().stateVariables().get("v").equation();
        assertEquals("-k/m*x", v.rhs());
        assertEquals(new SourceLocation(parts.resolve("state-variables.yaml").toString(), 2, 21), v.rhsLocation());
        assertEquals(0.001, e.integration().stepSize());
        assertEquals("s", e.integration().timeScale());
    }

    @Test
    void scalarTypesInExtrasAreKept() {
        Experiment e = corpus("11-scalar-types.yaml");
        assertEquals("yes", e.label());
        assertEquals("A description over\ntwo lines.\n", e.description());
        assertEquals("123", e.dynamics().name());
        assertEquals(0.001, e.dynamics().parameters().get("small").value());
        assertEquals(1.0e12, e.dynamics().parameters().get("big").value());
        assertEquals(16.0, e.dynamics().parameters().get("hexy").value());
        Map<String, RawValue> flags = ((RawValue.Mapping) e.extras().get("x-flags")).entries();
        assertEquals(new RawValue.Scalar("yes", "bool"), flags.get("plain_yes"));
        assertEquals(str("yes"), flags.get("quoted_yes"));
        assertEquals(new RawValue.Scalar("~", "null"), flags.get("nothing"));
        assertEquals(new RawValue.Scalar("", "null"), flags.get("empty"));
        assertEquals(str("42"), flags.get("quoted_number"));
        assertEquals(new RawValue.Scalar("42", "int"), flags.get("integer"));
        assertEquals(new RawValue.Scalar(".nan", "float"), flags.get("not_a_number"));
        assertEquals(new RawValue.Scalar("2024-05-01", "timestamp"), flags.get("date"));
        assertEquals(str("µV"), flags.get("unicode"));
    }

    @Test
    void fhnInSecondsWithTransient() {
        Experiment e = corpus("12-fhn-seconds.yaml");
        assertEquals("neuroml:fitzHughNagumoCell", e.dynamics().iri());
        assertEquals("FHN", e.dynamics().label());
        assertEquals("Classic relaxation oscillator", e.dynamics().description());
        assertEquals("input current", e.dynamics().parameters().get("I").description());
        assertEquals(1.0e-4, e.integration().stepSize());
        assertEquals(0.5, e.integration().duration());
        assertEquals("s", e.integration().timeScale());
        assertEquals(0.1, e.integration().transientTime());
        assertEquals("rk4", e.integration().method());
    }

    @Test
    void writerEmitsTheLongForm() {
        String text = ExperimentWriter.write(corpus("02-shortcuts.yaml"));
        assertTrue(text.contains("    a:\n      value: 0.7\n"), text);
        assertTrue(text.contains("    drive:\n      equation:\n        rhs: a + b*x\n"), text);
        assertTrue(text.contains("  step_size: 0.1\n"), text);
        assertTrue(text.contains("  number_of_nodes: 3\n"), text);
        assertFalse(text.contains("dt:"));
        assertFalse(text.contains("number_of_regions"));
    }

    @Test
    void numbersAreWrittenSoThatYamlReadersGetThemBack() {
        assertEquals("1.0e+12", ExperimentWriter.formatNumber(1.0e12));
        assertEquals("1.0e-4", ExperimentWriter.formatNumber(1.0e-4));
        assertEquals("-65.0", ExperimentWriter.formatNumber(-65.0));
        assertEquals("0.01220703125", ExperimentWriter.formatNumber(0.01220703125));
    }
}
