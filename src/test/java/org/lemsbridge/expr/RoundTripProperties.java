package org.lemsbridge.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.lemsbridge.expr.Expr.Binary;
import org.lemsbridge.expr.Expr.BinaryOp;
import org.lemsbridge.expr.Expr.Bool;
import org.lemsbridge.expr.Expr.Call;
import org.lemsbridge.expr.Expr.Case;
import org.lemsbridge.expr.Expr.Num;
import org.lemsbridge.expr.Expr.Piecewise;
import org.lemsbridge.expr.Expr.Unary;
import org.lemsbridge.expr.Expr.UnaryOp;
import org.lemsbridge.expr.Expr.Var;

/** Printing then parsing gives the same tree, in both syntaxes; SymPy trees evaluate the same after LEMS printing. */
class RoundTripProperties {

    private static final List<String> NAMES = List.of("a", "b", "v", "U", "scale", "x1", "MSEC", "t", "_p", "rate");
    private static final List<BinaryOp> ARITHMETIC = List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV,
            BinaryOp.POW);
    private static final List<BinaryOp> RELATIONS = List.of(BinaryOp.LT, BinaryOp.LE, BinaryOp.GT, BinaryOp.GE,
            BinaryOp.EQ, BinaryOp.NE);
    private static final List<String> LEMS_FUNCTIONS = List.of("sin", "cos", "tan", "sinh", "cosh", "tanh", "exp",
            "sqrt", "ceil", "abs", "log", "ln", "H", "factorial", "random");
    private static final List<String> UNARY_FUNCTIONS = List.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "abs",
            "H", "ceil", "floor", "sign", "factorial");
    private static final double[] SMALL_VALUES = {-2.0, -0.5, 0.0, 0.1, 0.5, 1.0, 2.0, 3.0};

    // ---------------------------------------------------------------- LEMS-canonical trees

    @Provide
    Arbitrary<Expr> lemsTrees() {
        return Arbitraries.oneOf(lemsNumeric(4), lemsBoolean(3));
    }

    private static Arbitrary<Expr> nonNegativeNumbers() {
        Arbitrary<Double> anyFinite = Arbitraries.longs().between(0L, 0x7FEFFFFFFFFFFFFFL).map(Double::longBitsToDouble);
        Arbitrary<Double> plain = Arbitraries.of(0.0, 1.0, 2.0, 0.04, 140.0, 1e-3, 5e-6, 0.1);
        return Arbitraries.oneOf(anyFinite, plain).map(d -> (Expr) new Num(d));
    }

    private static Arbitrary<Expr> names() {
        return Arbitraries.of(NAMES).map(n -> (Expr) new Var(n));
    }

    private static Arbitrary<Expr> lemsNumeric(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(nonNegativeNumbers(), names());
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> lemsNumeric(depth - 1));
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(ARITHMETIC), smaller, smaller)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        Arbitrary<Expr> call = Combinators.combine(Arbitraries.of(LEMS_FUNCTIONS), smaller)
                .as((f, x) -> (Expr) new Call(f, List.of(x)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, leaf), net.jqwik.api.Tuple.of(4, binary), net.jqwik.api.Tuple.of(1, call));
    }

    private static Arbitrary<Expr> lemsBoolean(int depth) {
        Arbitrary<Expr> relation = Combinators.combine(Arbitraries.of(RELATIONS), lemsNumeric(2), lemsNumeric(2))
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        if (depth == 0) {
            return relation;
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> lemsBoolean(depth - 1));
        Arbitrary<Expr> logic = Combinators.combine(Arbitraries.of(BinaryOp.AND, BinaryOp.OR), smaller, smaller)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        return Arbitraries.oneOf(relation, logic);
    }

    @Property(tries = 1500)
    void lemsPrintThenParseGivesTheSameTree(@ForAll("lemsTrees") Expr e) {
        String text = LemsPrinter.print(e);
        assertEquals(e, LemsParser.parse(text), text);
    }

    // ---------------------------------------------------------------- SymPy-canonical trees (untyped)

    @Provide
    Arbitrary<Expr> sympyTrees() {
        return sympyAny(4);
    }

    private static Arbitrary<Expr> sympyAny(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(nonNegativeNumbers(),
                Arbitraries.of(0.0, 2.0, 0.5, 1e-3).map(d -> (Expr) new Num(d)),
                names(), Arbitraries.of("pi", "E").map(n -> (Expr) new Var(n)),
                Arbitraries.of(true, false).map(b -> (Expr) new Bool(b)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> sympyAny(depth - 1));
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(BinaryOp.values()), smaller, smaller)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        Arbitrary<Expr> unary = Combinators.combine(Arbitraries.of(UnaryOp.values()), smaller)
                .as((op, x) -> (Expr) new Unary(op, x));
        Arbitrary<Expr> call = Combinators.combine(Arbitraries.of(UNARY_FUNCTIONS), smaller)
                .as((f, x) -> (Expr) new Call(f, List.of(x)));
        Arbitrary<Expr> minMax = Combinators.combine(Arbitraries.of("min", "max"), smaller.list().ofMinSize(1).ofMaxSize(3))
                .as((f, xs) -> (Expr) new Call(f, xs));
        Arbitrary<Expr> piecewise = Combinators.combine(smaller, smaller).as(Case::new).list().ofMinSize(1).ofMaxSize(3)
                .map(cases -> (Expr) new Piecewise(cases));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(5, binary),
                net.jqwik.api.Tuple.of(2, unary), net.jqwik.api.Tuple.of(1, call), net.jqwik.api.Tuple.of(1, minMax),
                net.jqwik.api.Tuple.of(1, piecewise));
    }

    @Property(tries = 1500)
    void sympyPrintThenParseGivesTheSameTree(@ForAll("sympyTrees") Expr e) {
        String text = SympyPrinter.print(e);
        assertEquals(e, SympyParser.parse(text), text);
    }

    // ---------------------------------------------------------------- typed SymPy trees, evaluated both ways

    @Provide
    Arbitrary<Expr> typedSympyTrees() {
        return Arbitraries.oneOf(typedNumeric(3), typedBoolean(3));
    }

    private static Arbitrary<Expr> typedNumeric(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Arbitraries.of(0.0, 0.5, 1.0, 2.0, 0.1, 3.0).map(d -> (Expr) new Num(d)),
                Arbitraries.of("a", "b", "c", "pi", "E").map(n -> (Expr) new Var(n)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> typedNumeric(depth - 1));
        Arbitrary<Expr> condition = Arbitraries.lazy(() -> typedBoolean(depth - 1));
        Arbitrary<Expr> binary = Combinators.combine(Arbitraries.of(ARITHMETIC), smaller, smaller)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        Arbitrary<Expr> negation = smaller.map(x -> (Expr) new Unary(UnaryOp.NEG, x));
        Arbitrary<Expr> call = Combinators.combine(Arbitraries.of(UNARY_FUNCTIONS), smaller)
                .as((f, x) -> (Expr) new Call(f, List.of(x)));
        Arbitrary<Expr> minMax = Combinators.combine(Arbitraries.of("min", "max"), smaller.list().ofMinSize(1).ofMaxSize(3))
                .as((f, xs) -> (Expr) new Call(f, xs));
        Arbitrary<Case> guarded = Combinators.combine(smaller, condition).as(Case::new);
        Arbitrary<Expr> piecewise = Combinators.combine(guarded.list().ofMinSize(1).ofMaxSize(3), smaller,
                Arbitraries.of(true, false))
                .as((cases, fallback, withDefault) -> {
                    List<Case> all = new java.util.ArrayList<>(cases);
                    if (withDefault) {
                        all.add(new Case(fallback, new Bool(true)));
                    }
                    return (Expr) new Piecewise(all);
                });
        Arbitrary<Expr> truthValue = condition; // a condition used as a number
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(5, binary),
                net.jqwik.api.Tuple.of(1, negation), net.jqwik.api.Tuple.of(2, call), net.jqwik.api.Tuple.of(1, minMax),
                net.jqwik.api.Tuple.of(2, piecewise), net.jqwik.api.Tuple.of(1, truthValue));
    }

    private static Arbitrary<Expr> typedBoolean(int depth) {
        Arbitrary<Expr> operand = Arbitraries.lazy(() -> typedNumeric(Math.max(0, depth - 1)));
        Arbitrary<Expr> relation = Combinators.combine(Arbitraries.of(RELATIONS), operand, operand)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        Arbitrary<Expr> constant = Arbitraries.of(true, false).map(b -> (Expr) new Bool(b));
        if (depth == 0) {
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, relation), net.jqwik.api.Tuple.of(1, constant));
        }
        Arbitrary<Expr> smaller = Arbitraries.lazy(() -> typedBoolean(depth - 1));
        Arbitrary<Expr> logic = Combinators.combine(Arbitraries.of(BinaryOp.AND, BinaryOp.OR), smaller, smaller)
                .as((op, l, r) -> (Expr) new Binary(op, l, r));
        Arbitrary<Expr> negation = smaller.map(x -> (Expr) new Unary(UnaryOp.NOT, x));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, relation), net.jqwik.api.Tuple.of(2, logic),
                net.jqwik.api.Tuple.of(1, negation), net.jqwik.api.Tuple.of(1, constant));
    }

    @Property(tries = 3000)
    void lemsPrintEvaluatesLikeTheSympyTree(@ForAll("typedSympyTrees") Expr e,
            @ForAll("smallValues") double a, @ForAll("smallValues") double b, @ForAll("smallValues") double c) {
        Map<String, Double> values = Map.of("a", a, "b", b, "c", c);
        var lookup = Evaluator.withMathConstants(values::get);
        Assume.that(everySubtreeIsFinite(e, lookup));
        double expected = Evaluator.evaluate(e, lookup);
        String text = LemsPrinter.print(e);
        double actual = Evaluator.evaluate(LemsParser.parse(text), values::get);
        assertTrue(expected == actual, () -> "SymPy tree gives " + expected + ", LEMS text gives " + actual + ": " + text);
    }

    @Provide
    Arbitrary<Double> smallValues() {
        return Arbitraries.of(SMALL_VALUES[0], SMALL_VALUES[1], SMALL_VALUES[2], SMALL_VALUES[3], SMALL_VALUES[4],
                SMALL_VALUES[5], SMALL_VALUES[6], SMALL_VALUES[7]);
    }

    /** The encodings are exact only where every value, chosen or not, is finite. */
    private static boolean everySubtreeIsFinite(Expr e, java.util.function.ToDoubleFunction<String> lookup) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Expr x = stack.pop();
            if (!Double.isFinite(Evaluator.evaluate(x, lookup))) {
                return false;
            }
            Exprs.children(x).forEach(stack::push);
        }
        return true;
    }
}
