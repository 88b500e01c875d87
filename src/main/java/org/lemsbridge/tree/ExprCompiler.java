package org.lemsbridge.tree;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.expr.Expr;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.expr.Functions;

/**
 * Turns an {@link Expr} into a tree of small lambdas. Names become slot reads or, for parameters and constants,
 * literal values (as jLEMS folds them). No operation is folded: {@code a/b} with constants a, b still divides at
 * every evaluation, in the parser's grouping.
 */
public final class ExprCompiler {

    /** LEMS's {@code ^}, also what generated code calls ({@link ExpressionEmitter}). */
    public static final DoubleBinaryOperator POW = Math::pow;

    /** How the compiler learns what a name means. */
    public interface Names {
        /** The slot of a variable, or -1. */
        int slot(String name);

        /** The value of a folded parameter or constant, or null. */
        Double constant(String name);
    }

    private final Names names;
    private final Random random;
    private final SourceLocation where;
    private final String owner;

    ExprCompiler(Names names, Random random, SourceLocation where, String owner) {
        this.names = names;
        this.random = random;
        this.where = where;
        this.owner = owner;
    }

    ExprCompiler at(SourceLocation location) {
        return new ExprCompiler(names, random, location, owner);
    }

    DoubleOp number(Expr expr) {
        if (expr instanceof Expr.Num n) {
            double value = n.value();
            return v -> value;
        }
        if (expr instanceof Expr.Var var) {
            return variable(var.name());
        }
        if (expr instanceof Expr.Bool b) {
            double value = b.value() ? 1.0 : 0.0;
            return v -> value;
        }
        if (expr instanceof Expr.Unary u) {
            if (u.op() == Expr.UnaryOp.NEG) {
                DoubleOp operand = number(u.operand());
                return v -> 0.0 - operand.eval(v);
            }
            BoolOp operand = condition(u.operand());
            return v -> operand.test(v) ? 0.0 : 1.0;
        }
        if (expr instanceof Expr.Binary b) {
            if (!b.op().isArithmetic()) {
                BoolOp test = condition(b);
                return v -> test.test(v) ? 1.0 : 0.0;
            }
            DoubleOp l = number(b.left());
            DoubleOp r = number(b.right());
            return switch (b.op()) {
                case ADD -> v -> l.eval(v) + r.eval(v);
                case SUB -> v -> l.eval(v) - r.eval(v);
                case MUL -> v -> l.eval(v) * r.eval(v);
                case DIV -> v -> l.eval(v) / r.eval(v);
                case POW -> v -> POW.applyAsDouble(l.eval(v), r.eval(v));
                default -> throw new IllegalStateException(b.op().toString());
            };
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        Expr.Piecewise piecewise = (Expr.Piecewise) expr;
        int n = piecewise.cases().size();
        BoolOp[] tests = new BoolOp[n];
        DoubleOp[] values = new DoubleOp[n];
        for (int i = 0; i < n; i++) {
            tests[i] = condition(piecewise.cases().get(i).condition());
            values[i] = number(piecewise.cases().get(i).value());
        }
        return v -> {
            for (int i = 0; i < tests.length; i++) {
                if (tests[i].test(v)) {
                    return values[i].eval(v);
                }
            }
            return 0.0;
        };
    }

    BoolOp condition(Expr expr) {
        if (expr instanceof Expr.Bool b) {
            boolean value = b.value();
            return v -> value;
        }
        if (expr instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            BoolOp operand = condition(u.operand());
            return v -> !operand.test(v);
        }
        if (expr instanceof Expr.Binary b && !b.op().isArithmetic()) {
            if (b.op() == Expr.BinaryOp.AND) {
                BoolOp l = condition(b.left());
                BoolOp r = condition(b.right());
                return v -> l.test(v) && r.test(v);
            }
            if (b.op() == Expr.BinaryOp.OR) {
                BoolOp l = condition(b.left());
                BoolOp r = condition(b.right());
                return v -> l.test(v) || r.test(v);
            }
            DoubleOp l = number(b.left());
            DoubleOp r = number(b.right());
            return switch (b.op()) {
                case LT -> v -> l.eval(v) < r.eval(v);
                case LE -> v -> l.eval(v) <= r.eval(v);
                case GT -> v -> l.eval(v) > r.eval(v);
                case GE -> v -> l.eval(v) >= r.eval(v);
                case EQ -> v -> l.eval(v) == r.eval(v);
                case NE -> v -> l.eval(v) != r.eval(v);
                default -> throw new IllegalStateException(b.op().toString());
            };
        }
        DoubleOp value = number(expr);
        return v -> value.eval(v) != 0.0;
    }

    private DoubleOp variable(String name) {
        int slot = names.slot(name);
        if (slot >= 0) {
            return v -> v[slot];
        }
        Double constant = names.constant(name);
        if (constant != null) {
            double value = constant;
            return v -> value;
        }
        throw new BadInputException(where, "unknown name '" + name + "' in an expression of " + owner,
                "declare it as a Parameter, StateVariable, DerivedVariable, Requirement or Constant");
    }

    private DoubleOp call(Expr.Call call) {
        if (call.args().size() != 1) {
            throw new BadInputException(where, "function " + call.function() + " takes one argument in LEMS, got "
                    + call.args().size());
        }
        DoubleOp argument = number(call.args().get(0));
        if (call.function().equalsIgnoreCase(Functions.RANDOM)) {
            Random generator = random;
            return v -> argument.eval(v) * generator.nextDouble();
        }
        DoubleUnaryOperator function = Evaluator.lemsFunction(call.function());
        if (function == null) {
            throw new BadInputException(where, "unknown function '" + call.function() + "' (jLEMS knows sin cos tan "
                    + "sinh cosh tanh exp log ln sqrt ceil abs H random factorial)");
        }
        return v -> function.applyAsDouble(argument.eval(v));
    }
}
