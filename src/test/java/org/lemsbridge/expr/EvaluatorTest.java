package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lemsbridge.expr.Trees.call;
import static org.lemsbridge.expr.Trees.n;
import static org.lemsbridge.expr.Trees.v;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static double lems(String text, Map<String, Double> vars) {
        return Evaluator.evaluate(LemsParser.parse(text), vars::get);
    }

    @Test
    void jlemsGroupingChangesTheDouble() {
        // a * b / c is a * (b / c) in jLEMS, which rounds differently from (a * b) / c
        Map<String, Double> vars = Map.of("a", 0.1, "b", 0.1, "c", 0.1);
        assertEquals(0.1, lems("a * b / c", vars));
        assertEquals(0.10000000000000002, lems("(a * b) / c", vars));
    }

    @Test
    void heavisideAndLogFollowJlems() {
        assertEquals(0.5, Evaluator.evaluate(call("H", n(0)), x -> 0));
        assertEquals(0.5, Evaluator.evaluate(call("H", n(-0.0)), x -> 0));
        assertEquals(0.0, Evaluator.evaluate(call("H", n(-1e-300)), x -> 0));
        assertEquals(Double.NaN, Evaluator.evaluate(call("log", n(0)), x -> 0));
        assertEquals(Double.NaN, Evaluator.evaluate(call("ln", n(-1)), x -> 0));
        assertEquals(Math.log(2.5), Evaluator.evaluate(call("ln", n(2.5)), x -> 0));
        assertEquals(Double.NaN, Evaluator.evaluate(call("sqrt", n(-1)), x -> 0));
    }

    @Test
    void factorialUsesWrappingIntArithmetic() {
        assertEquals(479001600.0, Evaluator.factorial(12));
        assertEquals(1932053504.0, Evaluator.factorial(13));
        assertEquals(0.0, Evaluator.factorial(40));
        assertEquals(0.0, Evaluator.factorial(Integer.MAX_VALUE));
        assertEquals(Double.NaN, Evaluator.factorial(2.5));
        assertEquals(Double.NaN, Evaluator.factorial(-1));
    }

    @Test
    void conditionsAreOneOrZeroAndPiecewiseDefaultsToZero() {
        Map<String, Double> vars = Map.of("t", 0.02, "delay", 0.02, "duration", 0.1);
        assertEquals(1.0, lems("t .geq. delay .and. t .lt. duration + delay", vars));
        assertEquals(0.0, lems("t .lt. delay", vars));
        assertEquals(0.0, Evaluator.evaluate(SympyParser.parse("Piecewise((1, t > 1))"), vars::get));
        assertEquals(7.0, Evaluator.evaluate(SympyParser.parse("Piecewise((1, t > 1), (7, True))"), vars::get));
        assertEquals(1.0, Evaluator.evaluate(SympyParser.parse("~(t > 1) | (1/0 > 0)"), vars::get));
    }

    @Test
    void randomIsLeftToTheSimulatorAndConstantsAreOptIn() {
        assertThrows(UnsupportedOperationException.class, () -> Evaluator.evaluate(call("random", n(1)), x -> 0));
        assertEquals(Math.PI, Evaluator.evaluate(v("pi"), Evaluator.withMathConstants(x -> 0)));
        assertEquals(3.0, Evaluator.evaluate(v("E"), x -> 3.0));
    }
}
