package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class SympyPrinterTest {

    @Test
    void minimalBracketsBySympyPrecedence() {
        assertEquals("0.04*v**2 + 5*v + 140 - U + I_ext", SympyPrinter.print(
                add(sub(add(add(mul(n(0.04), pow(v("v"), n(2))), mul(n(5), v("v"))), n(140)), v("U")), v("I_ext"))));
        assertEquals("a*(b*v - U)", SympyPrinter.print(mul(v("a"), sub(mul(v("b"), v("v")), v("U")))));
        assertEquals("a - (b - c)", SympyPrinter.print(sub(v("a"), sub(v("b"), v("c")))));
        assertEquals("a/(b*c)", SympyPrinter.print(div(v("a"), mul(v("b"), v("c")))));
        assertEquals("a**b**c", SympyPrinter.print(pow(v("a"), pow(v("b"), v("c")))));
        assertEquals("(a**b)**c", SympyPrinter.print(pow(pow(v("a"), v("b")), v("c"))));
        assertEquals("-x**2", SympyPrinter.print(neg(pow(v("x"), n(2)))));
        assertEquals("(-x)**2", SympyPrinter.print(pow(neg(v("x")), n(2))));
        assertEquals("a*(-b)", SympyPrinter.print(mul(v("a"), neg(v("b")))));
    }

    @Test
    void logicBracketsComparisonsLikeSympy() {
        Expr t = v("t");
        Expr c = bin(BinaryOp.AND, bin(BinaryOp.GE, t, v("d")), bin(BinaryOp.LT, t, add(v("d"), v("w"))));
        assertEquals("(t >= d) & (t < d + w)", SympyPrinter.print(c));
        assertEquals("~(x > 0)", SympyPrinter.print(not(bin(BinaryOp.GT, v("x"), n(0)))));
        assertEquals("Eq(x, 1.5) | Ne(y, 0)", SympyPrinter.print(
                bin(BinaryOp.OR, bin(BinaryOp.EQ, v("x"), n(1.5)), bin(BinaryOp.NE, v("y"), n(0)))));
    }

    @Test
    void piecewiseAndFunctionNames() {
        assertEquals("Piecewise((I_amp, t >= d), (0, True))", SympyPrinter.print(
                piecewise(when(v("I_amp"), bin(BinaryOp.GE, v("t"), v("d"))), when(n(0), new Bool(true)))));
        assertEquals("Abs(x) + Heaviside(x) + ceiling(x) + Min(x, y) + Max(x, 1.0E-5)", SympyPrinter.print(
                add(add(add(add(call("abs", v("x")), call("H", v("x"))), call("ceil", v("x"))),
                        call("min", v("x"), v("y"))), call("max", v("x"), n(1e-5)))));
        assertEquals("ln(x)*exp(-x)", SympyPrinter.print(mul(call("ln", v("x")), call("exp", neg(v("x"))))));
    }
}
