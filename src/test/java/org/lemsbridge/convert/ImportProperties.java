package org.lemsbridge.convert;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lemsbridge.experiment.Experiment;
import org.lemsbridge.experiment.ExperimentReader;
import org.lemsbridge.experiment.ExperimentWriter;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.LemsPrinter;
import org.lemsbridge.expr.SympyParser;
import org.lemsbridge.expr.SympyPrinter;
import org.lemsbridge.expr.LemsParser;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;

/**
 * The exactness of the import rests on one fact: a tree jLEMS builds, printed in SymPy syntax and rendered back to
 * LEMS, is evaluated by jLEMS to the same doubles. Checked on generated trees, alone and through the whole
 * LEMS -> import -> YAML text -> render -> LEMS pipeline.
 */
class ImportProperties {

    private static final List<String> NAMES = List.of("x", "p", "q");

    @Property(tries = 300)
    void aJlemsTreeSurvivesSympyTextAndRenderingBitForBit(@ForAll("trees") Expr generated) {
        Expr jlems = LemsParser.parse(LemsPrinter.printNumeric(generated));
        Expr viaYaml = SympyParser.parse(SympyPrinter.print(jlems));
        Expr rendered = LemsParser.parse(LemsPrinter.printNumeric(viaYaml));
        assertSameValues(jlems, rendered, "via " + SympyPrinter.print(jlems));
    }

    @Property(tries = 60)
    void aTimeDerivativeImportedAndRenderedAgainIsEvaluatedTheSame(@ForAll("trees") Expr generated) {
        Expr jlems = LemsParser.parse(LemsPrinter.printNumeric(generated));
        String lems = """
                <Lems>
                  <Target component="sim"/>
                  <Include file="Simulation.xml"/>
                  <Dimension name="time" t="1"/>
                  <Unit symbol="ms" dimension="time" power="-3"/>
                  <ComponentType name="Generated">
                    <Parameter name="p" dimension="none"/>
                    <Parameter name="q" dimension="none"/>
                    <Constant name="SEC" dimension="time" value="1ms"/>
                    <Exposure name="x" dimension="none"/>
                    <Dynamics>
                      <StateVariable name="x" dimension="none" exposure="x"/>
                      <TimeDerivative variable="x" value="(%s) / SEC"/>
                      <OnStart><StateAssignment variable="x" value="0.5"/></OnStart>
                    </Dynamics>
                  </ComponentType>
                  <Generated id="g" p="1.25" q="-0.75"/>
                  <Simulation id="sim" length="1ms" step="0.01ms" target="g"/>
                </Lems>
                """.formatted(LemsPrinter.printNumeric(jlems).replace("<", "&lt;").replace(">", "&gt;"));
        LemsModel original = LemsReader.read(lems, "generated.xml", java.nio.file.Path.of("."), List.of());
        ImportResult imported = LemsToExperiment.convert(original, "generated.xml");
        if (!imported.problems().isEmpty()) {
            throw new AssertionError(imported.problems().get(0).oneLine());
        }
        Experiment experiment = ExperimentReader.read(ExperimentWriter.write(imported.members().get(0).experiment()),
                "generated.yaml", java.nio.file.Path.of("."));
        String rendered = new ExperimentToLems().render(experiment).xml();
        LemsModel back = LemsReader.read(rendered, "rendered.xml", java.nio.file.Path.of("."), List.of());
        Expr before = original.type("Generated").orElseThrow().dynamics().timeDerivatives().get(0).value();
        Expr after = back.types().values().stream().filter(t -> t.dynamics() != null
                && !t.dynamics().timeDerivatives().isEmpty()).findFirst().orElseThrow()
                .dynamics().timeDerivatives().get(0).value();
        assertSameValues(substituteSec(before), substituteSec(after), rendered);
    }

    private static Expr substituteSec(Expr e) {
        return org.lemsbridge.expr.Exprs.substitute(e, java.util.Map.of("SEC", new Expr.Num(0.001)));
    }

    private static void assertSameValues(Expr expected, Expr actual, String context) {
        Random random = new Random(expected.hashCode());
        for (int i = 0; i < 20; i++) {
            double x = random.nextDouble() * 4 - 2;
            double p = random.nextDouble() * 4 - 2;
            double q = random.nextDouble() * 4 - 2;
            double a = Evaluator.evaluate(expected, n -> value(n, x, p, q));
            double b = Evaluator.evaluate(actual, n -> value(n, x, p, q));
            if (!(Double.compare(a, b) == 0 || (a == 0.0 && b == 0.0))) {
                throw new AssertionError(expected + " gave " + a + " but " + actual + " gave " + b + " (" + context + ")");
            }
        }
    }

    private static double value(String name, double x, double p, double q) {
        return switch (name) {
            case "x" -> x;
            case "p" -> 1.25;
            case "q" -> -0.75;
            default -> throw new AssertionError("unknown " + name);
        };
    }

    @Provide
    Arbitrary<Expr> trees() {
        return Arbitraries.recursive(ImportProperties::leaf, ImportProperties::node, 0, 4);
    }

    private static Arbitrary<Expr> leaf() {
        Arbitrary<Expr> numbers = Arbitraries.of(0.5, 2.0, 3.25, 140.0, 0.04, 1.0e-3, 7.0).map(Expr.Num::new);
        Arbitrary<Expr> names = Arbitraries.of(NAMES).map(Expr.Var::new);
        return Arbitraries.oneOf(numbers, names);
    }

    private static Arbitrary<Expr> node(Arbitrary<Expr> inner) {
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(Expr.BinaryOp.ADD, Expr.BinaryOp.SUB,
                Expr.BinaryOp.MUL, Expr.BinaryOp.DIV), inner, inner).as(Expr.Binary::new);
        Arbitrary<Expr> power = inner.map(base -> new Expr.Binary(Expr.BinaryOp.POW, base, new Expr.Num(2.0)));
        Arbitrary<Expr> negated = inner.map(e -> new Expr.Unary(Expr.UnaryOp.NEG, e));
        Arbitrary<Expr> call = Combinators.combine(Arbitraries.of("exp", "sin", "abs"), inner)
                .as((f, arg) -> new Expr.Call(f, List.of(arg)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, binary), net.jqwik.api.Tuple.of(1, power),
                net.jqwik.api.Tuple.of(1, negated), net.jqwik.api.Tuple.of(1, call));
    }
}
