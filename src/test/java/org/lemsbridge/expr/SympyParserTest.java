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
import static org.lemsbridge.expr.Trees.neg;
import static org.lemsbridge.expr.Trees.not;
import static org.lemsbridge.expr.Trees.piecewise;
import static org.lemsbridge.expr.Trees.pow;
import static org.lemsbridge.expr.Trees.sub;
import static org.lemsbridge.expr.Trees.v;
import static org.lemsbridge.expr.Trees.when;

import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;

class SympyParserTest {

    private static final Expr x = v("x");
    private static final Expr y = v("y");

    @Test
    void numbers() {
        assertEquals(n(3), SympyParser.parse("3"));
        assertEquals(n(0.04), SympyParser.parse("0.04"));
        assertEquals(n(1.0e-3), SympyParser.parse("1.0e-3"));
        assertEquals(n(0.5), SympyParser.parse(".5"));
        assertEquals(n(2e5), SympyParser.parse("2E+5"));
    }

    @Test
    void powerIsRightAssociativeAndBindsTighterThanUnaryMinus() {
        assertEquals(pow(v("a"), pow(v("b"), v("c"))), SympyParser.parse("a**b**c"));
        assertEquals(pow(v("a"), pow(v("b"), v("c"))), SympyParser.parse("a^b^c"));
        assertEquals(neg(pow(x, n(2))), SympyParser.parse("-x**2"));
        assertEquals(pow(n(2), neg(x)), SympyParser.parse("2**-x"));
        assertEquals(mul(neg(x), y), SympyParser.parse("-x*y"));
        assertEquals(x, SympyParser.parse("+x"));
    }

    @Test
    void arithmeticIsLeftAssociative() {
        assertEquals(sub(sub(v("a"), v("b")), v("c")), SympyParser.parse("a - b - c"));
        assertEquals(mul(div(v("a"), v("b")), v("c")), SympyParser.parse("a/b*c"));
        assertEquals(add(add(mul(mul(n(0.04), pow(v("v"), n(2))), n(1)), mul(n(5), v("v"))), n(140)),
                SympyParser.parse("0.04*v**2*1 + 5*v + 140"));
    }

    @Test
    void implicitProductOfNumberAndName() {
        assertEquals(mul(n(2), x), SympyParser.parse("2x"));
        assertEquals(mul(n(2), pow(x, n(2))), SympyParser.parse("2x**2"));
        assertEquals(mul(n(1e-3), v("e")), SympyParser.parse("1e-3e"));
    }

    @Test
    void relationsAndLogic() {
        Expr t = v("t");
        Expr expected = bin(BinaryOp.AND, bin(BinaryOp.GE, t, v("d")), bin(BinaryOp.LT, t, add(v("d"), v("w"))));
        assertEquals(expected, SympyParser.parse("(t >= d) & (t < d + w)"));
        assertEquals(expected, SympyParser.parse("t >= d & t < d + w"));
        assertEquals(bin(BinaryOp.OR, bin(BinaryOp.AND, x, y), v("z")), SympyParser.parse("x & y | z"));
        assertEquals(bin(BinaryOp.OR, x, bin(BinaryOp.AND, y, v("z"))), SympyParser.parse("x | y & z"));
        assertEquals(not(bin(BinaryOp.GT, x, n(0))), SympyParser.parse("~(x > 0)"));
        assertEquals(bin(BinaryOp.EQ, x, y), SympyParser.parse("Eq(x, y)"));
        assertEquals(bin(BinaryOp.NE, x, y), SympyParser.parse("Ne(x,y)"));
        assertEquals(bin(BinaryOp.EQ, x, y), SympyParser.parse("x == y"));
        assertEquals(bin(BinaryOp.NE, x, y), SympyParser.parse("x != y"));
        assertEquals(bin(BinaryOp.LE, x, y), SympyParser.parse("x <= y"));
    }

    @Test
    void piecewiseFunctionsAndConstants() {
        Expr expected = piecewise(when(v("I_amp"), bin(BinaryOp.GE, v("t"), v("d"))), when(n(0.0), new Bool(true)));
        assertEquals(expected, SympyParser.parse("Piecewise((I_amp, t >= d), (0.0, True))"));
        assertEquals(call("abs", x), SympyParser.parse("Abs(x)"));
        assertEquals(call("H", x), SympyParser.parse("Heaviside(x)"));
        assertEquals(call("ceil", x), SympyParser.parse("ceiling(x)"));
        assertEquals(call("min", x, y, n(1)), SympyParser.parse("Min(x, y, 1)"));
        assertEquals(call("max", x, y), SympyParser.parse("Max(x, y)"));
        assertEquals(call("ln", x), SympyParser.parse("ln(x)"));
        assertEquals(call("floor", x), SympyParser.parse("floor(x)"));
        assertEquals(mul(v("pi"), v("E")), SympyParser.parse("pi*E"));
        assertEquals(new Bool(false), SympyParser.parse("False"));
        assertEquals(n(Double.POSITIVE_INFINITY), SympyParser.parse("oo"));
        assertEquals(v("sign"), SympyParser.parse("sign"));
    }

    @Test
    void errorsCarryColumns() {
        assertEquals(7, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("a < b < c")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("gamma(x)")).column());
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("exp(x, y)")).column());
        assertEquals(5, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("a + * b")).column());
        assertEquals(7, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("(a + b")).column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("a b")).column());
        ExprSyntaxException eq = assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("a = b"));
        assertEquals(3, eq.column());
        assertTrue(eq.getMessage().contains("=="));
        assertEquals(1, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("")).column());
        assertEquals(14, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("Piecewise((1 True))"))
                .column());
        assertEquals(3, assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("a $ b")).column());
    }

    @Test
    void deepNestingAndLongChainsAreRejected() {
        assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("(".repeat(10_000) + "x" + ")".repeat(10_000)));
        assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("-".repeat(10_000) + "x"));
        assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("x" + "**x".repeat(10_000)));
        assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("x" + "+x".repeat(20_000)));
        assertThrows(ExprSyntaxException.class, () -> SympyParser.parse("x".repeat(ParseLimits.MAX_LENGTH + 1)));
        String ok = "(".repeat(ParseLimits.MAX_NESTING) + "x" + ")".repeat(ParseLimits.MAX_NESTING);
        assertEquals(x, SympyParser.parse(ok));
    }

    @Test
    void moduloIsPythonsFloorModuloWithTheSignOfTheDivisor() {
        assertEquals(sub(x, mul(y, call("floor", div(x, y)))), SympyParser.parse("x % y"));
        assertEquals(SympyParser.parse("x % y"), SympyParser.parse("Mod(x, y)"));
        assertEquals(sub(SympyParser.parse("2*x % y"), n(0.5)), SympyParser.parse("2*x % y - 0.5"),
                "% binds like * and /, left to right");
        // Python 3: 5.5 % 2 = 1.5, -0.25 % 1 = 0.75, 0.25 % -1 = -0.75, 7 % 7 = 0.0, -3.5 % -2 = -1.5
        double[][] pythonResults = {{5.5, 2, 1.5}, {-0.25, 1, 0.75}, {0.25, -1, -0.75}, {7, 7, 0.0}, {-3.5, -2, -1.5}};
        for (double[] r : pythonResults) {
            Expr parsed = SympyParser.parse("x % y");
            double value = Evaluator.evaluate(parsed, name -> name.equals("x") ? r[0] : r[1]);
            assertEquals(r[2], value, r[0] + " % " + r[1]);
            double viaLems = Evaluator.evaluate(LemsParser.parse(LemsPrinter.printNumeric(parsed)),
                    name -> name.equals("x") ? r[0] : r[1]);
            assertEquals(r[2], viaLems, r[0] + " % " + r[1] + " printed for LEMS (floor as 0 - ceil(0 - q))");
        }
        String chain = "x" + " % y".repeat(ParseLimits.MAX_MODULI);
        assertEquals(java.util.Set.of("x", "y"), Exprs.freeSymbols(SympyParser.parse(chain)), "the limit itself parses");
        ExprSyntaxException tooMany = assertThrows(ExprSyntaxException.class,
                () -> SympyParser.parse(chain + " % y"));
        assertEquals(chain.length() + 2, tooMany.column(), "at the operator past the limit");
    }
}
