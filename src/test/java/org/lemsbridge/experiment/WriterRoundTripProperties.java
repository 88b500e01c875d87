package org.lemsbridge.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any experiment the model can hold comes back equal after writing and reading. */
class WriterRoundTripProperties {

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void writtenExperimentsReadBackEqual(@ForAll("experiments") Experiment experiment) {
        String text = ExperimentWriter.write(experiment);
        Experiment back = ExperimentReader.read(text, "generated.yaml", null);
        assertEquals(experiment.withoutLocations(), back.withoutLocations(), text);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void anyTextSurvivesAsLabelAndRhs(@ForAll("labels") String text) {
        Equation rhs = new Equation(null, text, Extras.NONE, null);
        Dynamics d = new Dynamics("M", null, null, Map.of(), Map.of(), Map.of(),
                Map.of("x", new StateVariable("x", rhs, 0.1, false, null, true, Extras.NONE, null)), Map.of(), Map.of(),
                Extras.NONE, null);
        Experiment e = new Experiment(text, null, d, Integration.defaults(null), Network.single(null), Extras.NONE, null);
        Experiment back = ExperimentReader.read(ExperimentWriter.write(e), "generated.yaml", null);
        assertEquals(e.withoutLocations(), back.withoutLocations());
    }

    @Provide
    Arbitrary<String> labels() {
        return anyText();
    }

    private Arbitrary<String> texts() {
        return Arbitraries.strings()
                .withChars("abcxyz019 _-+*/().:#'\"!&|%@`,[]{}?<>=~^\\\t\nµ\u00e9")
                .withChars("yesnotrueoffnull".toCharArray())
                .ofMinLength(0).ofMaxLength(30)
                .map(t -> t);
    }

    /** Texts YAML resolvers like to turn into something else. */
    private Arbitrary<String> trickyTexts() {
        return Arbitraries.of("yes", "~", "null", "1e-3", "0x10", "<<", "- a", "a: b", " lead", "trail ", "", "\n",
                "2024-01-01", ".inf", "No", "0o17", "1_000", "12:30", "!include x", "&a", "*a", "%YAML", "'q'", "\"");
    }

    private Arbitrary<String> identifiers() {
        return Arbitraries.of("a", "b", "v", "U", "x_1", "tau", "I_ext", "_h", "gNa", "y0", "On", "True", "null_");
    }

    private Arbitrary<String> anyText() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, texts()), net.jqwik.api.Tuple.of(1, trickyTexts()));
    }

    private Arbitrary<String> optionalText() {
        return anyText().injectNull(0.4);
    }

    private Arbitrary<Double> finite() {
        return Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, 1e-300, 1.7e308, -4.9e-324, 0.01220703125, 1e12, 123456789012345.0));
    }

    private Arbitrary<Double> positive() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 0x7fefffffffffffffL).map(Double::longBitsToDouble),
                Arbitraries.of(1e-300, 0.005, 1e20));
    }

    private Arbitrary<RawValue> raw(int depth) {
        Arbitrary<RawValue> scalar = Arbitraries.oneOf(
                anyText().map(RawValue.Scalar::string),
                Arbitraries.longs().map(v -> new RawValue.Scalar(Long.toString(v), "int")),
                finite().map(v -> new RawValue.Scalar(ExperimentWriter.formatNumber(v), "float")),
                Arbitraries.of("true", "false").map(v -> new RawValue.Scalar(v, "bool")),
                Arbitraries.of(new RawValue.Scalar("", "null"), new RawValue.Scalar("~", "null")));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<RawValue> list = raw(depth - 1).list().ofMaxSize(3).map(RawValue.Sequence::new);
        Arbitrary<RawValue> map = Combinators.combine(anyText().list().uniqueElements().ofMaxSize(3),
                raw(depth - 1).list().ofSize(3)).as((keys, values) -> {
                    LinkedHashMap<String, RawValue> entries = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        entries.put(keys.get(i), values.get(i));
                    }
                    return new RawValue.Mapping(entries);
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, scalar), net.jqwik.api.Tuple.of(1, list),
                net.jqwik.api.Tuple.of(1, map));
    }

    private Arbitrary<Extras> extras() {
        return Combinators.combine(identifiers().list().uniqueElements().ofMaxSize(2), raw(2).list().ofSize(2))
                .as((keys, values) -> {
                    LinkedHashMap<String, RawValue> fields = new LinkedHashMap<>();
                    for (int i = 0; i < keys.size(); i++) {
                        fields.put("x-" + keys.get(i), values.get(i));
                    }
                    return fields.isEmpty() ? Extras.NONE : new Extras(fields);
                });
    }

    private Arbitrary<Equation> equations() {
        return Combinators.combine(optionalText(), optionalText(), extras())
                .as((lhs, rhs, ex) -> new Equation(lhs, rhs, ex, null)).injectNull(0.2);
    }

    private Arbitrary<Parameter> parameters(String name) {
        return Combinators.combine(finite().injectNull(0.2), optionalText(), optionalText(), equations(), extras())
                .as((v, unit, description, eq, ex) -> new Parameter(name, v, unit, description, eq, ex, null));
    }

    private <T> Arbitrary<Map<String, T>> keyed(java.util.function.Function<String, Arbitrary<T>> entry) {
        return identifiers().list().uniqueElements().ofMaxSize(3).flatMap(names -> {
            if (names.isEmpty()) {
                return Arbitraries.just(Map.<String, T>of());
            }
            List<Arbitrary<T>> values = names.stream().map(entry).toList();
            return Combinators.combine(values).as(list -> {
                LinkedHashMap<String, T> out = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), list.get(i));
                }
                return (Map<String, T>) out;
            });
        });
    }

    private Arbitrary<StateVariable> stateVariables(String name) {
        return Combinators.combine(equations(), finite().injectNull(0.3), optionalText(), Arbitraries.of(true, false),
                extras()).as((eq, initial, unit, voi, ex) -> new StateVariable(name, eq,
                        initial == null ? StateVariable.DEFAULT_INITIAL_VALUE : initial, initial != null, unit, voi, ex,
                        null));
    }

    private Arbitrary<DerivedVariable> derivedVariables(String name) {
        Arbitrary<Case> cases = Combinators.combine(optionalText(), equations(), extras())
                .as((c, eq, ex) -> new Case(c, eq, null, ex));
        return Combinators.combine(equations(), optionalText(), Arbitraries.of(true, false), cases.list().ofMaxSize(3),
                extras()).as((eq, unit, cond, cs, ex) -> new DerivedVariable(name, eq, unit, cond, cs, ex, null));
    }

    private Arbitrary<Event> events(String name) {
        return Combinators.combine(equations(), equations(),
                Arbitraries.of("continuous", "discrete", "preset_time", "stimulus").injectNull(0.5), extras())
                .as((c, a, type, ex) -> new Event(name, c, a, type, ex, null));
    }

    private Arbitrary<Function> functions(String name) {
        return Combinators.combine(identifiers().list().ofMaxSize(3), equations(), extras())
                .as((args, eq, ex) -> new Function(name, args, eq, ex, null));
    }

    private Arbitrary<Dynamics> dynamics() {
        Arbitrary<String> name = Arbitraries.oneOf(identifiers(), anyText());
        Arbitrary<Dynamics> partial = Combinators.combine(name, optionalText(), optionalText(), keyed(this::parameters),
                keyed(this::parameters), keyed(this::derivedVariables), keyed(this::stateVariables), keyed(this::events))
                .as((n, label, iri, ps, dps, dvs, svs, evs) -> new Dynamics(n, label, iri, ps, dps, dvs, svs, evs,
                        Map.of(), Extras.NONE, null));
        return Combinators.combine(partial, keyed(this::functions), extras(), optionalText())
                .as((d, fs, ex, description) -> new Dynamics(d.name(), d.label(), d.iri(), d.parameters(),
                        d.derivedParameters(), d.derivedVariables(), d.stateVariables(), d.events(), fs, ex, null,
                        description));
    }

    @Provide
    Arbitrary<Experiment> experiments() {
        Arbitrary<Integration> integration = Combinators.combine(identifiers(), positive(), positive(),
                Arbitraries.of("s", "ms", "us"), Arbitraries.oneOf(Arbitraries.just(0.0), positive()), extras())
                .as((m, step, duration, scale, transientTime, ex) -> new Integration(m, step, duration, scale,
                        transientTime, ex, null));
        Arbitrary<Network> network = Combinators.combine(Arbitraries.integers().between(1, 1000), extras())
                .as((n, ex) -> new Network(n, ex, null));
        return Combinators.combine(optionalText(), optionalText(), dynamics().injectNull(0.1), integration, network,
                extras()).as((label, description, d, i, n, ex) -> new Experiment(label, description, d, i, n, ex, null));
    }
}
