package org.lemsbridge.lems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Expr.BinaryOp;

/** The reader parses expressions with the groupings of lems-semantics.md §4.2, checked on the tree. */
class LemsExpressionsTest {

    private static Expr v(String name) {
        return new Expr.Var(name);
    }

    private static Expr n(double value) {
        return new Expr.Num(value);
    }

    private static Expr b(BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }

    private static void assertParses(Expr expected, String text) {
        assertEquals(expected, LemsExpressions.parse(text), text);
    }

    @Test
    void divisionBindsTighterThanMultiplication() {
        assertParses(b(BinaryOp.MUL, v("a"), b(BinaryOp.DIV, v("b"), v("c"))), "a * b / c");
        assertParses(b(BinaryOp.MUL, b(BinaryOp.DIV, v("a"), v("b")), v("c")), "a / b * c");
        assertParses(b(BinaryOp.MUL, b(BinaryOp.MUL, v("a"), b(BinaryOp.DIV, v("b"), v("c"))), v("d")), "a*b/c*d");
        assertParses(b(BinaryOp.DIV, b(BinaryOp.DIV, v("a"), v("b")), v("c")), "a / b / c");
    }

    @Test
    void minusBindsTighterThanPlus() {
        assertParses(b(BinaryOp.ADD, v("a"), b(BinaryOp.SUB, v("b"), v("c"))), "a + b - c");
        assertParses(b(BinaryOp.ADD, b(BinaryOp.SUB, v("a"), v("b")), v("c")), "a - b + c");
        assertParses(b(BinaryOp.ADD, b(BinaryOp.ADD, v("a"), b(BinaryOp.SUB, v("b"), v("c"))), v("d")),
                "a + b - c + d");
        assertParses(b(BinaryOp.SUB, b(BinaryOp.SUB, v("a"), v("b")), v("c")), "a - b - c");
    }

    @Test
    void powerIsLeftAssociativeAndUnaryMinusDependsOnWhatComesBefore() {
        assertParses(b(BinaryOp.POW, b(BinaryOp.POW, v("a"), v("b")), v("c")), "a^b^c");
        assertParses(b(BinaryOp.SUB, n(0.0), b(BinaryOp.POW, v("a"), n(2))), "-a ^ 2");
        assertParses(b(BinaryOp.SUB, n(3), b(BinaryOp.POW, b(BinaryOp.SUB, n(0.0), n(2)), n(2))),
                "3 - -2 ^ 2");
        assertParses(b(BinaryOp.MUL, v("x"), b(BinaryOp.POW, b(BinaryOp.SUB, n(0.0), v("y")), n(2))),
                "x * -y ^ 2");
        assertParses(n(-70), " -70 ");
    }

    @Test
    void comparisonsAndLogicalOperatorsGroupAsInJlems() {
        assertParses(b(BinaryOp.AND, b(BinaryOp.GE, v("t"), v("delay")),
                b(BinaryOp.LT, v("t"), b(BinaryOp.ADD, v("duration"), v("delay")))),
                "t .geq. delay .and. t .lt. duration + delay");
        // jLEMS groups this as ((a == b) .and. c) == d and fails; the reader refuses it
        assertThrows(IllegalArgumentException.class, () -> LemsExpressions.parse("a .eq. b .and. c .eq. d"));
    }

    @Test
    void functionsAndExponentLiterals() {
        assertParses(new Expr.Call("exp", java.util.List.of(b(BinaryOp.DIV, b(BinaryOp.SUB, v("v"), v("m")),
                v("s")))), "exp((v - m)/s)");
        assertParses(b(BinaryOp.MUL, n(1.5e-3), v("x")), "1.5e-3 * x");
        assertThrows(IllegalArgumentException.class, () -> LemsExpressions.parse("(a + b"));
    }
}
