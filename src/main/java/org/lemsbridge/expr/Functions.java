package org.lemsbridge.expr;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Canonical function names used in {@link Expr.Call}, their arities, and their SymPy and LEMS spellings.
 * {@code ln} and {@code log} stay distinct names (jLEMS knows both; both are the natural logarithm).
 */
public final class Functions {

    public static final String EXP = "exp";
    public static final String LOG = "log";
    public static final String LN = "ln";
    public static final String SQRT = "sqrt";
    public static final String SIN = "sin";
    public static final String COS = "cos";
    public static final String TAN = "tan";
    public static final String SINH = "sinh";
    public static final String COSH = "cosh";
    public static final String TANH = "tanh";
    public static final String ABS = "abs";
    public static final String HEAVISIDE = "H";
    public static final String CEIL = "ceil";
    public static final String FLOOR = "floor";
    public static final String SIGN = "sign";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String RANDOM = "random";
    public static final String FACTORIAL = "factorial";

    /** Every canonical name. {@code min} and {@code max} take one or more arguments, the others exactly one. */
    public static final Set<String> CANONICAL = Set.of(EXP, LOG, LN, SQRT, SIN, COS, TAN, SINH, COSH, TANH, ABS,
            HEAVISIDE, CEIL, FLOOR, SIGN, MIN, MAX, RANDOM, FACTORIAL);

    /** The functions jLEMS evaluates (its parser also knows {@code sum} and {@code product}, which it never implemented). */
    public static final Set<String> LEMS = Set.of(SIN, COS, TAN, SINH, COSH, TANH, EXP, SQRT, CEIL, ABS, LOG, LN,
            HEAVISIDE, RANDOM, FACTORIAL);

    /** Names jLEMS's parser treats as functions although it cannot evaluate them. */
    static final Set<String> LEMS_UNIMPLEMENTED = Set.of("sum", "product");

    private static final Map<String, String> SYMPY_TO_CANONICAL = Map.of(
            "Abs", ABS, "Heaviside", HEAVISIDE, "ceiling", CEIL, "Min", MIN, "Max", MAX);

    private static final Map<String, String> CANONICAL_TO_SYMPY = Map.of(
            ABS, "Abs", HEAVISIDE, "Heaviside", CEIL, "ceiling", MIN, "Min", MAX, "Max");

    private Functions() {
    }

    /** Whether jLEMS can evaluate a function of this name. */
    public static boolean isLemsFunction(String name) {
        return LEMS.contains(name);
    }

    /** Whether {@code name} is a canonical function name. */
    public static boolean isCanonical(String name) {
        return CANONICAL.contains(name);
    }

    /**
     * The canonical name for a name written in SymPy text: SymPy spellings ({@code Abs}, {@code Heaviside},
     * {@code ceiling}, {@code Min}, {@code Max}) and canonical names are both accepted.
     */
    public static Optional<String> fromSympy(String name) {
        String mapped = SYMPY_TO_CANONICAL.get(name);
        if (mapped != null) {
            return Optional.of(mapped);
        }
        return CANONICAL.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** The SymPy spelling of a canonical name. */
    public static String toSympy(String canonical) {
        return CANONICAL_TO_SYMPY.getOrDefault(canonical, canonical);
    }

    /** Whether the canonical function accepts {@code count} arguments. */
    public static boolean acceptsArity(String canonical, int count) {
        if (canonical.equals(MIN) || canonical.equals(MAX)) {
            return count >= 1;
        }
        return count == 1;
    }

    /** Human-readable arity for messages. */
    static String arityText(String canonical) {
        return canonical.equals(MIN) || canonical.equals(MAX) ? "at least one argument" : "exactly one argument";
    }
}
