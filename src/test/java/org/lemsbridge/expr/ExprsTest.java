package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lemsbridge.expr.Trees.add;
import static org.lemsbridge.expr.Trees.bin;
import static org.lemsbridge.expr.Trees.call;
import static org.lemsbridge.expr.Trees.mul;
import static org.lemsbridge.expr.Trees.n;
import static org.lemsbridge.expr.Trees.neg;
import static org.lemsbridge.expr.Trees.piecewise;
import static org.lemsbridge.expr.Trees.pow;
import static org.lemsbridge.expr.Trees.v;
import static org.lemsbridge.expr.Trees.when;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;

class ExprsTest {

    @Test
    void freeSymbolsInOrderOfFirstAppearanceWithoutFunctionNames() {
        Expr e = SympyParser.parse("a*(b*v - U) + exp(v)*b + pi");
        assertEquals(List.of("a", "b", "v", "U", "pi"), List.copyOf(Exprs.freeSymbols(e)));
        assertEquals(List.of("t", "d", "amp"), List.copyOf(Exprs.freeSymbols(
                SympyParser.parse("Piecewise((t, t > d), (amp, True))"))));
    }

    @Test
    void substituteReplacesSimultaneously() {
        Expr e = add(v("x"), mul(v("y"), v("x")));
        Expr result = Exprs.substitute(e, Map.of("x", v("y"), "y", n(2)));
        assertEquals(add(v("y"), mul(n(2), v("y"))), result);
    }

    @Test
    void foldEvaluatesConstantSubtreesAndExactIdentities() {
        assertEquals(mul(n(6), v("x")), Exprs.fold(mul(mul(n(2), n(3)), v("x"))));
        assertEquals(v("x"), Exprs.fold(add(mul(v("x"), n(1)), n(0))));
        assertEquals(v("x"), Exprs.fold(neg(neg(v("x")))));
        assertEquals(n(-2.0), Exprs.fold(neg(n(2))));
        assertEquals(v("a"), Exprs.fold(piecewise(when(v("a"), bin(BinaryOp.GT, n(2), n(1))), when(v("b"), new Bool(true)))));
        assertEquals(v("b"), Exprs.fold(piecewise(when(v("a"), bin(BinaryOp.LT, n(2), n(1))), when(v("b"), new Bool(true)))));
        assertEquals(call("random", n(1)), Exprs.fold(call("random", n(1))));
        assertEquals(new Bool(true), Exprs.fold(bin(BinaryOp.AND, new Bool(true), bin(BinaryOp.GE, n(1), n(1)))));
        assertEquals(n(Math.exp(1.5)), Exprs.fold(call("exp", n(1.5))));
    }

    @Test
    void depthAndPiecewiseDetection() {
        assertEquals(1, Exprs.depth(v("x")));
        assertEquals(3, Exprs.depth(add(v("x"), pow(v("y"), n(2)))));
        assertTrue(Exprs.containsPiecewise(mul(n(2), piecewise(when(n(1), new Bool(true))))));
        assertFalse(Exprs.containsPiecewise(mul(n(2), v("x"))));
        Expr deep = v("x");
        for (int i = 0; i < 100_000; i++) {
            deep = add(deep, v("x"));
        }
        assertEquals(100_001, Exprs.depth(deep));
        assertTrue(Exprs.freeSymbols(deep).contains("x"));
    }

    @Test
    void booleanDetection() {
        assertTrue(Exprs.isBoolean(bin(BinaryOp.GT, v("a"), v("b"))));
        assertTrue(Exprs.isBoolean(new Bool(false)));
        assertFalse(Exprs.isBoolean(add(v("a"), v("b"))));
        assertFalse(Exprs.isBoolean(piecewise(when(n(1), new Bool(true)))));
    }
}
