package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lemsbridge.expr.Trees.add;
import static org.lemsbridge.expr.Trees.bin;
import static org.lemsbridge.expr.Trees.call;
import static org.lemsbridge.expr.Trees.div;
import static org.lemsbridge.expr.Trees.mul;
import static org.lemsbridge.expr.Trees.n;
import static org.lemsbridge.expr.Trees.pow;
import static org.lemsbridge.expr.Trees.sub;
import static org.lemsbridge.expr.Trees.v;
import static org.lemsbridge.expr.Trees.zeroMinus;

import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr.BinaryOp;

class LemsParserTest {

    private static final Expr a = v("a");
    private static final Expr b = v("b");
    private static final Expr c = v("c");
    private static final Expr d = v("d");

    @Test
    void divisionBindsTighterThanMultiplication() {
        assertEquals(mul(a, div(b, c)), LemsParser.parse("a * b / c"));
        assertEquals(mul(div(a, b), c), LemsParser.parse("a / b * c"));
        assertEquals(mul(mul(a, div(b, c)), d), LemsParser.parse("a*b/c*d"));
    }

    @Test
    void binaryMinusBindsTighterThanPlus() {
        assertEquals(add(a, sub(b, c)), LemsParser.parse("a + b - c"));
        assertEquals(add(sub(a, b), c), LemsParser.parse("a - b + c"));
        assertEquals(add(add(a, sub(b, c)), d), LemsParser.parse("a + b - c + d"));
    }

    @Test
    void equalPrecedenceGroupsLeftToRight() {
        assertEquals(sub(sub(a, b), c), LemsParser.parse("a - b - c"));
        assertEquals(div(div(a, b), c), LemsParser.parse("a / b / c"));
        assertEquals(pow(pow(a, b), c), LemsParser.parse("a ^ b ^ c"));
    }

    @Test
    void leadingMinusIsZeroMinusAndBindsLooserThanPower() {
        assertEquals(zeroMinus(pow(a, n(2))), LemsParser.parse("-a ^ 2"));
        assertEquals(zeroMinus(a), LemsParser.parse("-a"));
        assertEquals(mul(n(2), zeroMinus(a)), LemsParser.parse("2 * (-a)"));
        assertEquals(call("exp", zeroMinus(div(a, b))), LemsParser.parse("exp(-a/b)"));
    }

    @Test
    void unaryMinusAfterOperatorBindsTighterThanPower() {
        assertEquals(sub(n(3), pow(zeroMinus(n(2)), n(2))), LemsParser.parse("3 - -2 ^ 2"));
        assertEquals(mul(a, pow(zeroMinus(b), n(2))), LemsParser.parse("a * -b ^ 2"));
        assertEquals(bin(BinaryOp.GT, a, zeroMinus(b)), LemsParser.parse("a .gt. -b"));
        assertEquals(zeroMinus(zeroMinus(a)), LemsParser.parse("- - a"));
    }

    @Test
    void unaryMinusOfZeroGivesPositiveZeroLikeJlems() {
        double value = Evaluator.evaluate(LemsParser.parse("a * -b"), name -> name.equals("a") ? 1.0 : 0.0);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(value));
    }

    @Test
    void relationsAndLogic() {
        Expr t = v("t");
        Expr expected = bin(BinaryOp.AND, bin(BinaryOp.GE, t, v("delay")),
                bin(BinaryOp.LT, t, add(v("duration"), v("delay"))));
        assertEquals(expected, LemsParser.parse("t .geq. delay .and. t .lt. duration + delay"));
        assertEquals(bin(BinaryOp.OR, bin(BinaryOp.EQ, a, b), bin(BinaryOp.NE, c, d)),
                LemsParser.parse("(a .eq. b) .or. (c .neq. d)"));
        assertEquals(bin(BinaryOp.LE, a, b), LemsParser.parse("a.leq.b"));
    }

    @Test
    void eqMixedWithAndWithoutBracketsIsRejectedLikeJlems() {
        // jLEMS builds ((a == b) && c) == d, which fails when evaluated
        ExprSyntaxException ex = assertThrows(ExprSyntaxException.class,
                () -> LemsParser.parse("a .eq. b .and. c .eq. d"));
        assertEquals(10, ex.column());
    }

    @Test
    void wholeStringNumberIsOneConstant() {
        assertEquals(n(-5.0), LemsParser.parse("-5"));
        assertEquals(n(1.0e-3), LemsParser.parse(" 1e-3 "));
        assertEquals(zeroMinus(n(5)), LemsParser.parse("(-5)"));
        assertEquals(n(5), LemsParser.parse("(5)"));
    }

    @Test
    void exponentSignsStayInNumbers() {
        assertEquals(mul(n(1.5e-3), add(a, n(2.0e+2))), LemsParser.parse("1.5e-3 * (a + 2.0E+2)"));
        assertEquals(sub(n(1.0E-5), a), LemsParser.parse("1.0E-5 - a"));
    }

    @Test
    void functionsTakeTheirArgumentFirst() {
        assertEquals(pow(call("exp", a), n(2)), LemsParser.parse("exp(a) ^ 2"));
        assertEquals(sub(call("H", sub(a, b)), call("ceil", call("abs", a))), LemsParser.parse("H(a - b) - ceil(abs(a))"));
        assertEquals(call("ln", a), LemsParser.parse("ln(a)"));
    }

    @Test
    void izhikevichRateHasTheDocumentedGrouping() {
        Expr v = v("v");
        Expr expected = div(add(add(mul(n(0.04), div(pow(v, n(2)), v("MVOLT"))), mul(n(5), v)),
                mul(add(sub(n(140.0), v("U")), v("ISyn")), v("MVOLT"))), v("MSEC"));
        assertEquals(expected, LemsParser.parse("(0.04 * v^2 / MVOLT + 5 * v + (140.0 - U + ISyn) * MVOLT)/MSEC"));
        assertEquals(mul(v("v0"), div(v("b"), v("MVOLT"))), LemsParser.parse("v0 * b / MVOLT"));
    }

    @Test
    void notIsRejectedWithAHint() {
        ExprSyntaxException ex = assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a .not. b"));
        assertEquals(3, ex.column());
        assertTrue(ex.getMessage().contains(".not."));
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a .le. b")).column());
    }

    @Test
    void nameEndingInEBeforeSignedDigitIsRejected() {
        ExprSyntaxException ex = assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("2 * scale-2"));
        assertEquals(5, ex.column());
        assertTrue(ex.getMessage().contains("scale-2"));
        assertEquals(add(n(2), sub(v("scale"), n(2))), LemsParser.parse("2 + scale - 2"));
    }

    @Test
    void syntaxErrorsReportTheirColumn() {
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("2x + 1")).column());
        assertEquals(5, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a + * b")).column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a +")).column());
        assertEquals(5, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a * (b + c")).column());
        assertEquals(6, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a + b)")).column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a b")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("   ")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("exp a")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("sum(a)")).column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a + (b .gt. c)")).column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a .and. b")).column());
        assertEquals(5, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a * ()")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> LemsParser.parse("a%b")).column());
    }

    @Test
    void leadingPlusIsZeroPlusLikeJlems() {
        assertEquals(add(n(0.0), a), LemsParser.parse("+a"));
    }

    @Test
    void deepNestingIsRejectedNotOverflowed() {
        String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
        ExprSyntaxException ex = assertThrows(ExprSyntaxException.class, () -> LemsParser.parse(deep));
        assertEquals(ParseLimits.MAX_NESTING + 1, ex.column());
        String shallowEnough = "(".repeat(ParseLimits.MAX_NESTING - 1) + "a + b" + ")".repeat(ParseLimits.MAX_NESTING - 1);
        assertEquals(add(a, b), LemsParser.parse(shallowEnough));
    }

    @Test
    void longChainsAndLongTextAreRejected() {
        String chain = "a" + " + a".repeat(ParseLimits.MAX_TREE_DEPTH + 5);
        assertThrows(ExprSyntaxException.class, () -> LemsParser.parse(chain));
        String tooLong = "a" + " ".repeat(ParseLimits.MAX_LENGTH);
        assertThrows(ExprSyntaxException.class, () -> LemsParser.parse(tooLong));
        String unary = "a" + " * -".repeat(20_000) + " b";
        assertThrows(ExprSyntaxException.class, () -> LemsParser.parse(unary));
    }

    @Test
    void conditionAndValueVariantsCheckTheKind() {
        assertEquals(bin(BinaryOp.GT, v("v"), v("thresh")), LemsParser.parseCondition("v .gt. thresh"));
        assertThrows(ExprSyntaxException.class, () -> LemsParser.parseCondition("v + thresh"));
        assertThrows(ExprSyntaxException.class, () -> LemsParser.parseValue("v .gt. thresh"));
    }
}
