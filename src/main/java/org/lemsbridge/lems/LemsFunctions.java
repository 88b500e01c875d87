package org.lemsbridge.lems;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** The one-argument functions of jLEMS expressions, with jLEMS's edge cases (H(0) = 0.5, int factorial). */
public final class LemsFunctions {

    private LemsFunctions() {
    }

    /** The function for a name used in an expression, or null if jLEMS does not know it (random is separate). */
    public static DoubleUnaryOperator lookup(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "sinh" -> Math::sinh;
            case "cosh" -> Math::cosh;
            case "tanh" -> Math::tanh;
            case "exp" -> Math::exp;
            case "sqrt" -> Math::sqrt;
            case "ceil" -> Math::ceil;
            case "abs" -> Math::abs;
            case "log", "ln" -> Math::log;
            case "h", "heaviside" -> LemsFunctions::heaviside;
            case "factorial" -> LemsFunctions::factorial;
            default -> null;
        };
    }

    public static boolean isRandom(String name) {
        return name.equalsIgnoreCase("random");
    }

    /** jLEMS: {@code 0.5 * (signum(x) + 1)}. */
    public static double heaviside(double x) {
        return 0.5 * (Math.signum(x) + 1);
    }

    /** jLEMS multiplies in 32-bit ints; non-integer or negative arguments give NaN. */
    public static double factorial(double x) {
        if (x < 0 || x != Math.floor(x) || Double.isNaN(x)) {
            return Double.NaN;
        }
        int n = (int) x;
        int product = 1;
        for (int i = 2; i <= n; i++) {
            product *= i;
        }
        return product;
    }
}
