package org.lemsbridge.units;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import org.lemsbridge.expr.Expr;

/**
 * Infers the dimension of an expression from the dimensions of its symbols, and reports the first
 * sub-expression whose dimensions do not fit together.
 *
 * <p>Rules: numbers and booleans are dimensionless; {@code +}, {@code -}, relations and Piecewise values need
 * equal dimensions, except that a literal {@code 0} adopts the dimension of the other side (jLEMS writes
 * {@code -x} as {@code 0 - x}, and NeuroML compares quantities with a bare {@code 0}); {@code *} and {@code /}
 * combine; {@code ^} needs a dimensionless exponent and raises the base by a constant integer exponent, any
 * other exponent needs a dimensionless base. Functions need dimensionless arguments and give none, except
 * {@code abs ceil floor min max} (same dimension), {@code sqrt} (halves even exponents) and
 * {@code H heaviside sign} (any argument, result none). Relations and logic give none.
 */
public final class DimensionInference {

    private static final Set<String> SAME_DIMENSION_FUNCTIONS = Set.of("abs", "ceil", "floor", "min", "max");
    private static final Set<String> ANY_ARGUMENT_FUNCTIONS = Set.of("h", "heaviside", "sign");

    private final Function<String, Optional<Dimension>> symbols;

    private DimensionInference(Function<String, Optional<Dimension>> symbols) {
        this.symbols = symbols;
    }

    /**
     * The dimension of {@code expr}.
     *
     * @param symbols the dimension of each name; {@code t} is not special, so the caller maps it
     * @throws DimensionException naming the offending sub-expression and the dimensions involved, or an
     *         unknown symbol
     */
    public static Dimension infer(Expr expr, Function<String, Optional<Dimension>> symbols) {
        Objects.requireNonNull(expr);
        Objects.requireNonNull(symbols);
        return new DimensionInference(symbols).of(expr);
    }

    private Dimension of(Expr expr) {
        if (expr instanceof Expr.Num || expr instanceof Expr.Bool) {
            return Dimension.NONE;
        }
        if (expr instanceof Expr.Var var) {
            return symbols.apply(var.name()).orElseThrow(
                    () -> new DimensionException("unknown symbol '" + var.name() + "'"));
        }
        if (expr instanceof Expr.Unary unary) {
            return unary(unary);
        }
        if (expr instanceof Expr.Binary binary) {
            return binary(binary);
        }
        if (expr instanceof Expr.Call call) {
            return call(call);
        }
        return piecewise((Expr.Piecewise) expr);
    }

    private Dimension unary(Expr.Unary unary) {
        Dimension operand = of(unary.operand());
        return unary.op() == Expr.UnaryOp.NEG ? operand : Dimension.NONE;
    }

    private Dimension binary(Expr.Binary binary) {
        Expr.BinaryOp op = binary.op();
        if (op.isLogical()) {
            of(binary.left());
            of(binary.right());
            return Dimension.NONE;
        }
        Dimension left = of(binary.left());
        Dimension right = of(binary.right());
        return switch (op) {
            case ADD -> matching(binary, left, right, "cannot add");
            case SUB -> matching(binary, left, right, "cannot subtract");
            case MUL -> left.times(right);
            case DIV -> left.dividedBy(right);
            case POW -> power(binary, left, right);
            default -> {
                matching(binary, left, right, "cannot compare");
                yield Dimension.NONE;
            }
        };
    }

    /** The common dimension of both sides, letting a literal zero take the other side's dimension. */
    private static Dimension matching(Expr.Binary binary, Dimension left, Dimension right, String verb) {
        if (left.equals(right) || isZero(binary.right())) {
            return left;
        }
        if (isZero(binary.left())) {
            return right;
        }
        String object = binary.op() == Expr.BinaryOp.SUB ? right.describe() + " from " + left.describe()
                : left.describe() + " and " + right.describe();
        throw new DimensionException(verb + " " + object + " in '" + ExprText.of(binary) + "'");
    }

    private static Dimension power(Expr.Binary binary, Dimension base, Dimension exponent) {
        if (!exponent.isNone()) {
            throw new DimensionException("exponent must be dimensionless, not " + exponent.describe() + ", in '"
                    + ExprText.of(binary) + "'");
        }
        if (base.isNone()) {
            return base;
        }
        OptionalDouble constant = constantValue(binary.right());
        if (constant.isPresent() && constant.getAsDouble() == Math.rint(constant.getAsDouble())
                && Math.abs(constant.getAsDouble()) <= 1024) {
            return base.pow((int) constant.getAsDouble());
        }
        throw new DimensionException("cannot raise " + base.describe()
                + " to a power that is not a constant integer in '" + ExprText.of(binary) + "'");
    }

    /** The value of an exponent built from literals only (e.g. {@code 2}, {@code -2}, {@code 0 - 2}). */
    private static OptionalDouble constantValue(Expr expr) {
        if (expr instanceof Expr.Num num) {
            return OptionalDouble.of(num.value());
        }
        if (expr instanceof Expr.Unary unary && unary.op() == Expr.UnaryOp.NEG) {
            OptionalDouble operand = constantValue(unary.operand());
            return operand.isPresent() ? OptionalDouble.of(-operand.getAsDouble()) : operand;
        }
        if (expr instanceof Expr.Binary binary && binary.op().isArithmetic() && binary.op() != Expr.BinaryOp.POW) {
            OptionalDouble left = constantValue(binary.left());
            OptionalDouble right = constantValue(binary.right());
            if (left.isEmpty() || right.isEmpty()) {
                return OptionalDouble.empty();
            }
            double a = left.getAsDouble();
            double b = right.getAsDouble();
            return OptionalDouble.of(switch (binary.op()) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                default -> a / b;
            });
        }
        return OptionalDouble.empty();
    }

    private Dimension call(Expr.Call call) {
        String name = call.function().toLowerCase(Locale.ROOT);
        List<Dimension> args = call.args().stream().map(this::of).toList();
        if (ANY_ARGUMENT_FUNCTIONS.contains(name)) {
            return Dimension.NONE;
        }
        if (SAME_DIMENSION_FUNCTIONS.contains(name)) {
            if (args.isEmpty()) {
                return Dimension.NONE;
            }
            Dimension first = args.get(0);
            for (Dimension arg : args) {
                if (!arg.equals(first)) {
                    throw new DimensionException("arguments of " + call.function() + " must have one dimension, not "
                            + first.describe() + " and " + arg.describe() + ", in '" + ExprText.of(call) + "'");
                }
            }
            return first;
        }
        if (name.equals("sqrt") && args.size() == 1) {
            return squareRoot(call, args.get(0));
        }
        for (Dimension arg : args) {
            if (!arg.isNone()) {
                throw new DimensionException(call.function() + " needs a dimensionless argument, not "
                        + arg.describe() + ", in '" + ExprText.of(call) + "'");
            }
        }
        return Dimension.NONE;
    }

    private static Dimension squareRoot(Expr.Call call, Dimension arg) {
        int[] exponents = arg.exponents();
        for (int exponent : exponents) {
            if (exponent % 2 != 0) {
                throw new DimensionException("cannot take the square root of " + arg.describe() + " in '"
                        + ExprText.of(call) + "'");
            }
        }
        return new Dimension(exponents[0] / 2, exponents[1] / 2, exponents[2] / 2, exponents[3] / 2,
                exponents[4] / 2, exponents[5] / 2, exponents[6] / 2);
    }

    private Dimension piecewise(Expr.Piecewise piecewise) {
        Dimension result = null;
        Expr resultValue = null;
        for (Expr.Case branch : piecewise.cases()) {
            of(branch.condition());
            Dimension value = of(branch.value());
            if (isZero(branch.value())) {
                continue;
            }
            if (result == null) {
                result = value;
                resultValue = branch.value();
            } else if (!result.equals(value)) {
                throw new DimensionException("Piecewise values differ: " + result.describe() + " for '"
                        + ExprText.of(resultValue) + "' and " + value.describe() + " for '"
                        + ExprText.of(branch.value()) + "' in '" + ExprText.of(piecewise) + "'");
            }
        }
        return result == null ? Dimension.NONE : result;
    }

    private static boolean isZero(Expr expr) {
        return expr instanceof Expr.Num num && num.value() == 0.0;
    }
}
