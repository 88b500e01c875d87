package org.lemsbridge.hostile;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile input: LEMS documents and YAML experiments built from valid templates with hostile values
 * and expressions put in, then possibly mutated (spans deleted or repeated, hostile fragments inserted, truncated).
 * Step and length come from small pools so that a run that is accepted stays short.
 */
final class HostileInputs {

    private HostileInputs() {
    }

    /** Values a field might hold, good and bad. */
    static Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1", "-65", "0.5", "1e-3", "1e400", "-1e400", "4.9e-324", "NaN", "nan",
                        "Infinity", "-Infinity", ".inf", "1e", "--1", "0x10", "1_000", "", " ", "true", "null",
                        "[1, 2]", "{a: 1}", "*a", "&a x", "!include x.yaml", "~", "'", "\"", "\\", "\u0000", "\u2028",
                        "99999999999999999999999999999999999", "-65 mV", "10 ms", "3 furlongs", "mV", "1e400mV",
                        "NaN mV", "Infinity ms"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.doubles().map(Object::toString));
    }

    /** Expression text: mostly well-formed with random operators and names, sometimes garbage or very deep. */
    static Arbitrary<String> expressions() {
        Arbitrary<String> atoms = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("v", "tau", "rest", "t", "d", "E_L", "x", "unknown", "pi", "0", "1", "2.5",
                        "1e308", "1e400", "NaN", "-1")),
                Tuple.of(1, values()));
        Arbitrary<String> operators = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(" + ", " - ", " * ", " / ", " ^ ", " .gt. ", " .lt. ", " .and. ", " .eq. ")),
                Tuple.of(1, Arbitraries.of("**", " < ", " and ", " == ", "", " ? ")));
        Arbitrary<String> binary = Combinators.combine(atoms, operators, atoms).as((a, op, b) -> a + op + b);
        // factorial is left out: lems.LemsFunctions.factorial never ends for arguments >= 2^31 (a known bug, kept
        // as the corpus case xml-factorial-hang)
        Arbitrary<String> calls = Combinators.combine(Arbitraries.of("exp", "log", "sqrt", "sin", "abs", "H",
                "random", "Piecewise", "nosuch", "__import__"), atoms)
                .as((f, a) -> f + "(" + a + ")");
        Arbitrary<Integer> depths = Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.integers()
                .between(1, 300)), Tuple.of(1, Arbitraries.integers().between(300, 5000)));
        Arbitrary<String> deep = Combinators.combine(depths,
                Arbitraries.of("(", "-", "exp(", "((", "-(", "not "), atoms)
                .as((n, open, atom) -> open.repeat(n) + atom + (open.contains("(") ? ")".repeat(n
                        * (int) open.chars().filter(c -> c == '(').count()) : ""));
        Arbitrary<String> chain = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(20,
                Arbitraries.integers().between(1, 500)), Tuple.of(1, Arbitraries.integers().between(500, 20000))), atoms)
                .as((n, atom) -> String.join(" + ", java.util.Collections.nCopies(n, atom)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, binary),
                Tuple.of(3, calls),
                Tuple.of(2, deep),
                Tuple.of(1, chain),
                Tuple.of(2, atoms));
    }

    /** Usually a clean value, sometimes a hostile one: most inputs then get past the reader to the deeper checks. */
    static Arbitrary<String> mostly(Arbitrary<String> clean, Arbitrary<String> hostile) {
        return Arbitraries.frequencyOf(Tuple.of(7, clean), Tuple.of(1, hostile));
    }

    /** Mostly a valid quantity of the unit, sometimes anything. */
    static Arbitrary<String> quantities(String unit) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.doubles().between(-100, 100).map(x -> x + unit)),
                Tuple.of(1, Arbitraries.of("0" + unit, "1e400" + unit, "NaN " + unit, "Infinity " + unit,
                        "1e-320" + unit)),
                Tuple.of(1, values()));
    }

    static Arbitrary<String> lengths() {
        return Arbitraries.of("1ms", "0.5ms", "2ms", "0ms", "-1ms", "NaN", "1e400ms", "abc", "1e-300ms");
    }

    static Arbitrary<String> steps() {
        return Arbitraries.of("0.1ms", "0.05ms", "1ms", "0ms", "-0.1ms", "1e-300ms", "NaN", "Infinity ms", "x");
    }

    private static final String LEMS = """
            <Lems>
                <Dimension name="voltage" m="1" l="2" t="-3" i="-1"/>
                <Dimension name="time" t="1"/>
                <Unit symbol="mV" dimension="voltage" power="-3"/>
                <Unit symbol="ms" dimension="time" power="-3"/>
                <ComponentType name="Leak">
                    <Parameter name="tau" dimension="time"/>
                    <Parameter name="rest" dimension="voltage"/>
                    <Exposure name="v" dimension="voltage"/>
                    <Dynamics>
                        <StateVariable name="v" dimension="voltage" exposure="v"/>
                        <DerivedVariable name="d" dimension="DIMENSION" value="DERIVED"/>
                        <TimeDerivative variable="v" value="RATE"/>
                        <OnCondition test="CONDITION">
                            <StateAssignment variable="v" value="ASSIGNED"/>
                        </OnCondition>
                    </Dynamics>
                </ComponentType>
                <ComponentType name="Net"><Children name="cells" type="Leak"/></ComponentType>
                <ComponentType name="Sim">
                    <Parameter name="length" dimension="time"/>
                    <Parameter name="step" dimension="time"/>
                    <ComponentReference name="target" type="Net"/>
                    <Children name="outputs" type="Out"/>
                    <Simulation><Run component="target" variable="t" increment="step" total="length"/></Simulation>
                </ComponentType>
                <ComponentType name="Out">
                    <Text name="fileName"/>
                    <Children name="columns" type="Col"/>
                    <Simulation><DataWriter path="." fileName="fileName"/></Simulation>
                </ComponentType>
                <ComponentType name="Col">
                    <Path name="quantity"/>
                    <Simulation><Record quantity="quantity"/></Simulation>
                </ComponentType>
                <Net id="net"><Leak id="ID" tau="TAU" rest="REST"/></Net>
                <Sim id="sim" length="LENGTH" step="STEP" target="net">
                    <Out id="out" fileName="FILE"><Col id="v" quantity="QUANTITY"/></Out>
                </Sim>
                <Target component="sim"/>
            </Lems>
            """;

    /** A LEMS document with hostile values and expressions in every slot, maybe mutated. */
    static Arbitrary<String> lemsDocuments() {
        Arbitrary<String> filled = Combinators.combine(List.of(
                mostly(Arbitraries.of("(rest - v) / tau", "0", "-v / tau", "(rest - v) / tau * exp(0)",
                        "(v - rest) / tau * (v - rest) / rest", "d / tau"), expressions()),
                mostly(Arbitraries.of("v", "rest - v", "v * 2", "rest * exp(v / rest)"), expressions()),
                mostly(Arbitraries.of("v .gt. rest", "t .gt. tau", "v .gt. 0", "v .lt. rest .and. t .gt. tau"),
                        expressions()),
                mostly(Arbitraries.of("rest", "0", "v * 0.5", "d"), expressions()),
                quantities("ms"), quantities("mV"), mostly(Arbitraries.of("1ms", "2ms"), lengths()),
                mostly(Arbitraries.of("0.1ms", "0.05ms"), steps()),
                mostly(Arbitraries.of("cell/v", "cell/d"), Arbitraries.of("cel/v", "cell/nothing", "", "../..",
                        "cell[0]/v", "/v")),
                mostly(Arbitraries.just("cell"), Arbitraries.of("c\"ell", "", "net")),
                mostly(Arbitraries.just("voltage"), Arbitraries.of("none", "time", "nosuch", "*")),
                mostly(Arbitraries.just("fuzz.dat"), Arbitraries.of("../escape.dat", "sub/fuzz.dat", "",
                        "a&amp;b.dat"))))
                .as(slots -> LEMS.replace("RATE", xmlAttribute(slots.get(0))).replace("DERIVED",
                        xmlAttribute(slots.get(1))).replace("CONDITION", xmlAttribute(slots.get(2)))
                        .replace("ASSIGNED", xmlAttribute(slots.get(3))).replace("TAU", xmlAttribute(slots.get(4)))
                        .replace("REST", xmlAttribute(slots.get(5))).replace("LENGTH", slots.get(6))
                        .replace("STEP", slots.get(7)).replace("QUANTITY", xmlAttribute(slots.get(8)))
                        .replace("ID", xmlAttribute(slots.get(9))).replace("DIMENSION", slots.get(10))
                        .replace("FILE", slots.get(11)));
        return mutated(filled, Arbitraries.of("<!DOCTYPE Lems [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
                "<Include file=\"../../../../etc/passwd\"/>", "<Include file=\"/etc/hostname\"/>",
                "<Include file=\"Cells.xml\"/>", "<![CDATA[ x ]]>", "<!-- -->", "<", ">", "&", "\"", "'", "</Lems>",
                "<Lems>", "<Leak id=\"cell\"/>", "<Target component=\"nowhere\"/>", "\u0000", "\uFFFE", "<?pi x?>"));
    }

    private static final String YAML = """
            label: LABEL
            dynamics:
              name: NAME
              parameters:
                E_L: {value: VALUE_A, unit: UNIT_A}
                tau: {value: VALUE_B, unit: ms}
              derived_variables:
                d: {equation: {rhs: "DERIVED"}}
              state_variables:
                v: {equation: {rhs: "RATE"}, initial_value: VALUE_C, unit: mV}
              events:
                spike: {condition: "CONDITION", affect: "AFFECT"}
            integration: {step_size: STEP, duration: DURATION, time_scale: ms}
            """;

    /** A YAML experiment with hostile values and expressions in every slot, maybe mutated. */
    static Arbitrary<String> experiments() {
        Arbitrary<String> numbers = Arbitraries.doubles().between(-100, 100).map(Object::toString);
        Arbitrary<String> filled = Combinators.combine(List.of(
                mostly(Arbitraries.of("Leaky cell", "x"), values()), mostly(Arbitraries.of("Leak", "Cell"), values()),
                mostly(numbers, values()), mostly(Arbitraries.doubles().between(1, 100).map(Object::toString),
                        values()),
                mostly(Arbitraries.just("mV"), Arbitraries.of("ms", "nA", "furlong", "", "per_ms", "mV/ms")),
                mostly(Arbitraries.of("v - E_L", "E_L", "v * 2", "E_L * exp(v / E_L)"), expressions()),
                mostly(Arbitraries.of("(E_L - v)/tau", "-v/tau", "(d - v)/tau", "0"), expressions()),
                mostly(Arbitraries.of("v > E_L", "t > tau", "v > 0"), expressions()),
                mostly(Arbitraries.of("v = E_L", "v = v + 1"), Arbitraries.of("x = 1", "v == 1", "", "v = ",
                        "import os")),
                mostly(Arbitraries.of("0.1", "0.05"), Arbitraries.of("0", "-0.1", "1e-300", ".nan", "x", "1e400")),
                mostly(Arbitraries.of("1.0", "2"), Arbitraries.of("0", "-1", ".inf", "1e400", "abc"))))
                .as(slots -> YAML.replace("LABEL", yamlString(slots.get(0))).replace("NAME", yamlString(slots.get(1)))
                        .replace("VALUE_A", slots.get(2)).replace("VALUE_B", slots.get(3))
                        .replace("UNIT_A", slots.get(4)).replace("DERIVED", yamlInQuotes(slots.get(5)))
                        .replace("RATE", yamlInQuotes(slots.get(6))).replace("CONDITION", yamlInQuotes(slots.get(7)))
                        .replace("AFFECT", slots.get(8)).replace("VALUE_C", "-65").replace("STEP", slots.get(9))
                        .replace("DURATION", slots.get(10)));
        return mutated(filled, Arbitraries.of("&a [1, 2]", "*a", "<<: *a", "!include ../secret.txt",
                "!include /etc/passwd", "!!python/object/apply:os.system [\"true\"]", "\t", "  ", ": ", "- ",
                "{", "}", "[", "]", "'", "\"", "#", "%YAML 1.1\n", "---\n", "...\n", "? ", "|", ">", "\u0000",
                "\uFEFF", "</Lems>"));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> documents, Arbitrary<String> fragments) {
        Arbitrary<Mutation> mutations = Combinators.combine(Arbitraries.of(Mutation.Kind.values()),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), fragments)
                .as(Mutation::new);
        Arbitrary<List<Mutation>> lists = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(List.of())),
                Tuple.of(1, mutations.list().ofMinSize(1).ofMaxSize(3)));
        return Combinators.combine(documents, lists).as((document, list) -> {
            String text = document;
            for (Mutation mutation : list) {
                text = mutation.apply(text);
            }
            return text;
        });
    }

    private record Mutation(Kind kind, double where, double howMuch, String fragment) {
        enum Kind { INSERT, DELETE, REPEAT, TRUNCATE, NONE }

        String apply(String text) {
            int at = (int) (where * text.length());
            int span = Math.min(text.length() - at, (int) (howMuch * 40));
            return switch (kind) {
                case INSERT -> text.substring(0, at) + fragment + text.substring(at);
                case DELETE -> text.substring(0, at) + text.substring(at + span);
                case REPEAT -> text.substring(0, at + span) + text.substring(at, at + span).repeat(1 + (int) (howMuch * 5))
                        + text.substring(at + span);
                case TRUNCATE -> text.substring(0, at);
                case NONE -> text;
            };
        }
    }

    private static String xmlAttribute(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    private static String yamlString(String text) {
        return "\"" + yamlInQuotes(text) + "\"";
    }

    private static String yamlInQuotes(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
