package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lemsbridge.expr.Trees.add;
import static org.lemsbridge.expr.Trees.bin;
import static org.lemsbridge.expr.Trees.call;
import static org.lemsbridge.expr.Trees.mul;
import static org.lemsbridge.expr.Trees.n;
import static org.lemsbridge.expr.Trees.neg;
import static org.lemsbridge.expr.Trees.not;
import static org.lemsbridge.expr.Trees.piecewise;
import static org.lemsbridge.expr.Trees.pow;
import static org.lemsbridge.expr.Trees.sub;
import static org.lemsbridge.expr.Trees.v;
import static org.lemsbridge.expr.Trees.when;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;

class LemsPrinterTest {

    /** Prints for LEMS, parses with the jLEMS-faithful parser, evaluates with jLEMS semantics. */
    private static double viaLems(Expr e, Map<String, Double> vars) {
        return Evaluator.evaluate(LemsParser.parse(LemsPrinter.print(e)), vars::get);
    }

    private static double viaLems(Expr e) {
        return viaLems(e, Map.of());
    }

    @Test
    void bracketsEveryCompoundOperand() {
        assertEquals("(a * b) + c", LemsPrinter.print(add(mul(v("a"), v("b")), v("c"))));
        assertEquals("a ^ (b ^ c)", LemsPrinter.print(pow(v("a"), pow(v("b"), v("c")))));
        assertEquals("exp(a - b) * 1.0E-5", LemsPrinter.print(mul(call("exp", sub(v("a"), v("b"))), n(1e-5))));
    }

    @Test
    void rewritesNegationConstantsAndSympyNames() {
        assertEquals("0 - x", LemsPrinter.print(neg(v("x"))));
        assertEquals("3.141592653589793 * r", LemsPrinter.print(mul(v("pi"), v("r"))));
        assertEquals("2.718281828459045 ^ x", LemsPrinter.print(pow(v("E"), v("x"))));
        assertEquals("E * I", LemsPrinter.print(mul(v("E"), v("I")), Set.of("E", "I")));
        assertEquals(Math.PI * 2, viaLems(mul(v("pi"), n(2))));
    }

    @Test
    void floorAndSignAreExactThroughJlemsFunctions() {
        assertEquals(-3.0, viaLems(call("floor", n(-2.5))));
        assertEquals(2.0, viaLems(call("floor", n(2.5))));
        assertEquals(-2.0, viaLems(call("floor", neg(n(2.0)))));
        assertEquals(7.0, viaLems(call("floor", n(7.0))));
        assertEquals(-1.0, viaLems(call("sign", n(-0.1))));
        assertEquals(0.0, viaLems(call("sign", n(0.0))));
        assertEquals(1.0, viaLems(call("sign", n(1e-300))));
    }

    @Test
    void minAndMaxAreExactAndPickTheRightValue() {
        Map<String, Double> vars = Map.of("a", 0.1, "b", 0.30000000000000004, "c", -7.25);
        assertEquals(-7.25, viaLems(call("min", v("a"), v("b"), v("c")), vars));
        assertEquals(0.30000000000000004, viaLems(call("max", v("a"), v("b"), v("c")), vars));
        assertEquals(0.1, viaLems(call("min", v("a"), v("a")), vars));
        assertEquals(0.1, viaLems(call("max", v("a")), vars));
    }

    @Test
    void relationsInArithmeticAreExactAtEquality() {
        Map<String, Double> equal = Map.of("x", 0.1, "y", 0.1);
        Map<String, Double> below = Map.of("x", 0.1, "y", Math.nextUp(0.1));
        for (BinaryOp op : new BinaryOp[] {BinaryOp.GE, BinaryOp.GT, BinaryOp.LE, BinaryOp.LT, BinaryOp.EQ, BinaryOp.NE}) {
            Expr asNumber = add(n(0), bin(op, v("x"), v("y")));
            for (Map<String, Double> vars : java.util.List.of(equal, below)) {
                assertEquals(Evaluator.evaluate(asNumber, vars::get), viaLems(asNumber, vars), op + " " + vars);
            }
        }
    }

    @Test
    void piecewiseInsideArithmeticIsExactAtTheBoundary() {
        Expr t = v("t");
        Expr pulse = piecewise(
                when(v("amp"), bin(BinaryOp.AND, bin(BinaryOp.GE, t, v("d")), bin(BinaryOp.LT, t, add(v("d"), v("w"))))),
                when(n(0.0), new Bool(true)));
        Expr e = mul(n(2), pulse);
        for (double time : new double[] {0.019999999999999997, 0.02, 0.025, 0.03, 0.030000000000000002}) {
            Map<String, Double> vars = Map.of("t", time, "d", 0.02, "w", 0.01, "amp", 0.3);
            assertEquals(Evaluator.evaluate(e, vars::get), viaLems(e, vars), "t=" + time);
        }
        assertEquals(0.6, viaLems(e, Map.of("t", 0.02, "d", 0.02, "w", 0.01, "amp", 0.3)));
        assertEquals(0.0, viaLems(e, Map.of("t", 0.03, "d", 0.02, "w", 0.01, "amp", 0.3)));
    }

    @Test
    void piecewiseWithoutMatchingCaseGivesPositiveZero() {
        Expr e = piecewise(when(n(-3.0), bin(BinaryOp.GT, v("x"), n(1))));
        double value = viaLems(e, Map.of("x", 0.0));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(value));
        assertEquals(-3.0, viaLems(e, Map.of("x", 2.0)));
    }

    @Test
    void conditionsUseDottedOperatorsAndBracketLogicOperands() {
        Expr c = bin(BinaryOp.AND, bin(BinaryOp.EQ, v("a"), v("b")), bin(BinaryOp.GT, add(v("c"), n(1)), v("d")));
        assertEquals("(a .eq. b) .and. ((c + 1.0) .gt. d)", LemsPrinter.printCondition(c));
        assertEquals(c, LemsParser.parse(LemsPrinter.printCondition(c)));
    }

    @Test
    void notIsPushedIntoTheRelations() {
        assertEquals("a .geq. b", LemsPrinter.printCondition(not(bin(BinaryOp.LT, v("a"), v("b")))));
        assertEquals("(a .leq. b) .or. (c .eq. d)", LemsPrinter.printCondition(
                not(bin(BinaryOp.AND, bin(BinaryOp.GT, v("a"), v("b")), bin(BinaryOp.NE, v("c"), v("d"))))));
        assertEquals("x .neq. 0", LemsPrinter.printCondition(v("x")));
    }

    @Test
    void trueAndFalseAreSimplifiedAway() {
        Expr gt = bin(BinaryOp.GT, v("a"), v("b"));
        assertEquals("a .gt. b", LemsPrinter.printCondition(bin(BinaryOp.AND, new Bool(true), gt)));
        assertEquals("0 .eq. 0", LemsPrinter.printCondition(bin(BinaryOp.OR, gt, new Bool(true))));
        assertEquals("0 .neq. 0", LemsPrinter.printCondition(not(new Bool(true))));
        assertEquals(1.0, Evaluator.evaluate(LemsParser.parse(LemsPrinter.printCondition(new Bool(true))), x -> 0));
    }

    @Test
    void numbersRoundTripExactly() {
        for (double d : new double[] {0.04, 1.1e-9, 4.9e-324, Double.MAX_VALUE, 0.1 + 0.2, 140.0}) {
            assertEquals(n(d), LemsParser.parse(LemsPrinter.print(n(d))));
            assertEquals(add(v("x"), n(d)), LemsParser.parse(LemsPrinter.print(add(v("x"), n(d)))));
        }
        assertEquals(n(-0.0), LemsParser.parse(LemsPrinter.print(n(-0.0))));
        double negZero = viaLems(add(n(-0.0), n(-0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(negZero));
        assertEquals(Double.NEGATIVE_INFINITY, viaLems(mul(n(1), n(Double.NEGATIVE_INFINITY))));
        assertEquals(-2.5, viaLems(mul(n(1), n(-2.5))));
    }

    @Test
    void sympySpelledFunctionNamesAreAcceptedToo() {
        assertEquals("H(x) * abs(ceil(x))", LemsPrinter.print(mul(call("Heaviside", v("x")), call("Abs", call("ceiling", v("x"))))));
    }

    @Test
    void namesAndFunctionsJlemsCannotTakeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LemsPrinter.print(add(v("exp"), n(1))));
        assertThrows(IllegalArgumentException.class, () -> LemsPrinter.print(call("gamma", v("x"))));
        assertThrows(IllegalArgumentException.class, () -> LemsPrinter.print(call("exp", v("x"), v("y"))));
    }
}
