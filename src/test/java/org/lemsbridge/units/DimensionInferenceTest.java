package org.lemsbridge.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Expr.BinaryOp;

class DimensionInferenceTest {

    private static final UnitTable TABLE = UnitTable.standard();
    private static final Dimension VOLTAGE = dim("voltage");
    private static final Dimension CURRENT = dim("current");
    private static final Dimension TIME = dim("time");
    private static final Dimension CAPACITANCE = dim("capacitance");
    private static final Dimension CONDUCTANCE = dim("conductance");
    private static final Dimension CONCENTRATION = dim("concentration");

    private static final Map<String, Dimension> SYMBOLS = Map.of(
            "v", VOLTAGE, "I", CURRENT, "t", TIME, "C", CAPACITANCE, "g", CONDUCTANCE,
            "MVOLT", VOLTAGE, "MSEC", TIME, "x", Dimension.NONE, "area", dim("area"), "ca", CONCENTRATION);

    private static final Function<String, Optional<Dimension>> LOOKUP = name -> Optional.ofNullable(SYMBOLS.get(name));

    private static Dimension dim(String name) {
        return TABLE.dimension(name).orElseThrow();
    }

    private static Expr v(String name) {
        return new Expr.Var(name);
    }

    private static Expr n(double value) {
        return new Expr.Num(value);
    }

    private static Expr bin(BinaryOp op, Expr left, Expr right) {
        return new Expr.Binary(op, left, right);
    }

    private static Expr call(String function, Expr... args) {
        return new Expr.Call(function, List.of(args));
    }

    private static Dimension infer(Expr expr) {
        return DimensionInference.infer(expr, LOOKUP);
    }

    private static String failure(Expr expr) {
        return assertThrows(DimensionException.class, () -> infer(expr)).getMessage();
    }

    @Test
    void leavesAreNumbersBooleansAndSymbols() {
        assertEquals(Dimension.NONE, infer(n(3.5)));
        assertEquals(Dimension.NONE, infer(new Expr.Bool(true)));
        assertEquals(VOLTAGE, infer(v("v")));
    }

    @Test
    void membraneEquationHasVoltagePerTime() {
        // (g * (v - MVOLT) + I) / C  has dimension voltage / time
        Expr rhs = bin(BinaryOp.DIV,
                bin(BinaryOp.ADD, bin(BinaryOp.MUL, v("g"), bin(BinaryOp.SUB, v("v"), v("MVOLT"))), v("I")),
                v("C"));
        assertEquals(VOLTAGE.dividedBy(TIME), infer(rhs));
        assertEquals(new Dimension(0, 0, -1, 0, 0, 0, 0), infer(bin(BinaryOp.DIV, rhs, v("v"))));
    }

    @Test
    void izhikevichStyleScalingGivesNone() {
        // 0.04 * (v / MVOLT)^2 + 5 * v / MVOLT + 140 - x
        Expr vm = bin(BinaryOp.DIV, v("v"), v("MVOLT"));
        Expr rhs = bin(BinaryOp.SUB, bin(BinaryOp.ADD, bin(BinaryOp.ADD,
                bin(BinaryOp.MUL, n(0.04), bin(BinaryOp.POW, vm, n(2))), bin(BinaryOp.MUL, n(5), vm)), n(140)),
                v("x"));
        assertEquals(Dimension.NONE, infer(rhs));
    }

    @Test
    void literalZeroAdoptsTheOtherSide() {
        assertEquals(VOLTAGE, infer(bin(BinaryOp.SUB, n(0), v("v"))));
        assertEquals(VOLTAGE, infer(bin(BinaryOp.ADD, v("v"), n(0))));
        assertEquals(Dimension.NONE, infer(bin(BinaryOp.GT, v("ca"), n(0))));
        assertEquals(VOLTAGE, infer(new Expr.Piecewise(List.of(
                new Expr.Case(n(0), bin(BinaryOp.LT, v("v"), n(0))),
                new Expr.Case(v("v"), new Expr.Bool(true))))));
    }

    @Test
    void negationKeepsTheDimension() {
        assertEquals(VOLTAGE, infer(new Expr.Unary(Expr.UnaryOp.NEG, v("v"))));
        assertEquals(Dimension.NONE, infer(new Expr.Unary(Expr.UnaryOp.NOT, bin(BinaryOp.LT, v("t"), v("MSEC")))));
    }

    @Test
    void addingDifferentDimensionsIsNamed() {
        assertEquals("cannot add voltage (m=1 l=2 t=-3 i=-1) and current (i=1) in 'v + I'",
                failure(bin(BinaryOp.ADD, v("v"), v("I"))));
        assertEquals("cannot subtract time (t=1) from voltage (m=1 l=2 t=-3 i=-1) in 'v - t'",
                failure(bin(BinaryOp.SUB, v("v"), v("t"))));
        assertEquals("cannot add voltage (m=1 l=2 t=-3 i=-1) and dimensionless in 'v + 1'",
                failure(bin(BinaryOp.ADD, v("v"), n(1))));
    }

    @Test
    void theInnermostOffendingSubExpressionIsReported() {
        Expr inner = bin(BinaryOp.ADD, v("v"), bin(BinaryOp.MUL, v("I"), v("t")));
        assertEquals("cannot add voltage (m=1 l=2 t=-3 i=-1) and charge (t=1 i=1) in 'v + I * t'",
                failure(bin(BinaryOp.MUL, n(2), inner)));
        assertEquals("cannot add dimensionless and voltage (m=1 l=2 t=-3 i=-1) in '(x - 1) / 2 + v'",
                failure(bin(BinaryOp.ADD, bin(BinaryOp.DIV, bin(BinaryOp.SUB, v("x"), n(1)), n(2)), v("v"))));
    }

    @Test
    void powersNeedDimensionlessExponents() {
        assertEquals(dim("area"), infer(bin(BinaryOp.POW, call("sqrt", v("area")), n(2))));
        assertEquals(VOLTAGE.pow(-2), infer(bin(BinaryOp.POW, v("v"), n(-2))));
        assertEquals(VOLTAGE.pow(-2), infer(bin(BinaryOp.POW, v("v"), bin(BinaryOp.SUB, n(0), n(2)))));
        assertEquals(VOLTAGE.pow(3), infer(bin(BinaryOp.POW, v("v"), new Expr.Unary(Expr.UnaryOp.NEG, n(-3)))));
        assertEquals(Dimension.NONE, infer(bin(BinaryOp.POW, v("x"), v("x"))));
        assertEquals("exponent must be dimensionless, not time (t=1), in 'x ^ t'",
                failure(bin(BinaryOp.POW, v("x"), v("t"))));
        assertEquals("cannot raise voltage (m=1 l=2 t=-3 i=-1) to a power that is not a constant integer in 'v ^ 0.5'",
                failure(bin(BinaryOp.POW, v("v"), n(0.5))));
        assertEquals("cannot raise voltage (m=1 l=2 t=-3 i=-1) to a power that is not a constant integer in 'v ^ x'",
                failure(bin(BinaryOp.POW, v("v"), v("x"))));
    }

    @Test
    void functionsNeedDimensionlessArguments() {
        assertEquals(Dimension.NONE, infer(call("exp", bin(BinaryOp.DIV, v("v"), v("MVOLT")))));
        assertEquals(Dimension.NONE, infer(call("random", n(1))));
        assertEquals("exp needs a dimensionless argument, not voltage (m=1 l=2 t=-3 i=-1), in 'exp(v)'",
                failure(call("exp", v("v"))));
        assertEquals("tanh needs a dimensionless argument, not current (i=1), in 'tanh(I / 2)'",
                failure(call("tanh", bin(BinaryOp.DIV, v("I"), n(2)))));
    }

    @Test
    void sameDimensionFunctions() {
        assertEquals(VOLTAGE, infer(call("abs", v("v"))));
        assertEquals(TIME, infer(call("floor", v("t"))));
        assertEquals(TIME, infer(call("ceil", v("t"))));
        assertEquals(VOLTAGE, infer(call("max", v("v"), v("MVOLT"))));
        assertEquals("arguments of max must have one dimension, not voltage (m=1 l=2 t=-3 i=-1) and time (t=1),"
                + " in 'max(v, t)'", failure(call("max", v("v"), v("t"))));
    }

    @Test
    void squareRootHalvesEvenExponents() {
        assertEquals(dim("length"), infer(call("sqrt", v("area"))));
        assertEquals(Dimension.NONE, infer(call("sqrt", v("x"))));
        assertEquals("cannot take the square root of voltage (m=1 l=2 t=-3 i=-1) in 'sqrt(v)'",
                failure(call("sqrt", v("v"))));
    }

    @Test
    void stepFunctionsAcceptAnyArgument() {
        assertEquals(Dimension.NONE, infer(call("H", v("v"))));
        assertEquals(Dimension.NONE, infer(call("heaviside", bin(BinaryOp.SUB, v("t"), v("MSEC")))));
        assertEquals(Dimension.NONE, infer(call("sign", v("I"))));
    }

    @Test
    void relationsNeedEqualDimensionsAndGiveNone() {
        assertEquals(Dimension.NONE, infer(bin(BinaryOp.GE, v("t"), v("MSEC"))));
        assertEquals(Dimension.NONE, infer(bin(BinaryOp.AND, bin(BinaryOp.GE, v("t"), v("MSEC")),
                bin(BinaryOp.LT, v("t"), bin(BinaryOp.ADD, v("MSEC"), v("MSEC"))))));
        assertEquals("cannot compare time (t=1) and voltage (m=1 l=2 t=-3 i=-1) in 't >= v'",
                failure(bin(BinaryOp.GE, v("t"), v("v"))));
        assertEquals("cannot compare time (t=1) and dimensionless in 't < 5'",
                failure(bin(BinaryOp.OR, new Expr.Bool(false), bin(BinaryOp.LT, v("t"), n(5)))));
    }

    @Test
    void piecewiseValuesMustAgree() {
        Expr ok = new Expr.Piecewise(List.of(
                new Expr.Case(v("I"), bin(BinaryOp.LT, v("t"), v("MSEC"))),
                new Expr.Case(bin(BinaryOp.MUL, n(2), v("I")), new Expr.Bool(true))));
        assertEquals(CURRENT, infer(ok));
        Expr bad = new Expr.Piecewise(List.of(
                new Expr.Case(v("I"), bin(BinaryOp.LT, v("t"), v("MSEC"))),
                new Expr.Case(v("v"), new Expr.Bool(true))));
        assertEquals("Piecewise values differ: current (i=1) for 'I' and voltage (m=1 l=2 t=-3 i=-1) for 'v'"
                + " in 'Piecewise((I, t < MSEC), (v, True))'", failure(bad));
        Expr badCondition = new Expr.Piecewise(List.of(
                new Expr.Case(v("I"), bin(BinaryOp.LT, v("t"), v("v"))),
                new Expr.Case(v("I"), new Expr.Bool(true))));
        assertEquals("cannot compare time (t=1) and voltage (m=1 l=2 t=-3 i=-1) in 't < v'", failure(badCondition));
    }

    @Test
    void unknownSymbolsAreErrors() {
        assertEquals("unknown symbol 'w'", failure(bin(BinaryOp.ADD, v("v"), v("w"))));
        assertEquals("unknown symbol 't'",
                assertThrows(DimensionException.class,
                        () -> DimensionInference.infer(v("t"), name -> Optional.empty())).getMessage());
    }

    @Test
    void printerBracketsOnlyWhereNeeded() {
        assertEquals("a - (b - c)", ExprText.of(bin(BinaryOp.SUB, v("a"), bin(BinaryOp.SUB, v("b"), v("c")))));
        assertEquals("a - b - c", ExprText.of(bin(BinaryOp.SUB, bin(BinaryOp.SUB, v("a"), v("b")), v("c"))));
        assertEquals("(a + b) * c", ExprText.of(bin(BinaryOp.MUL, bin(BinaryOp.ADD, v("a"), v("b")), v("c"))));
        assertEquals("-(a + b)", ExprText.of(new Expr.Unary(Expr.UnaryOp.NEG, bin(BinaryOp.ADD, v("a"), v("b")))));
        assertEquals("f(0.25, 3)", ExprText.of(call("f", n(0.25), n(3))));
    }
}
