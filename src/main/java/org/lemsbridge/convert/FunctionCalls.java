package org.lemsbridge.convert;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.expr.Functions;

/**
 * Finds the calls in an expression text of a function LEMS cannot evaluate, before any name in it is looked at: a
 * model that needs such a function (Zerlaut's {@code erfc}) cannot be rendered, whatever else it says, so that is
 * the one thing the user is told, at the call's own column.
 */
final class FunctionCalls {
    /** SymPy functions with no exact expression in jLEMS's functions ({@link Functions#LEMS}). */
    private static final Set<String> WITHOUT_LEMS_FORM = Set.of("erf", "erfc", "erfi", "erfinv", "erfcinv", "atan",
            "atan2", "asin", "acos", "asinh", "acosh", "atanh", "acot", "asec", "acsc", "sec", "csc", "cot", "gamma",
            "loggamma", "lgamma", "digamma", "beta", "besselj", "bessely", "besseli", "besselk", "sinc", "LambertW",
            "zeta", "re", "im", "arg", "conjugate", "rem", "log10", "log2", "cbrt", "root",
            "expm1", "log1p", "hypot");
    /** Names the SymPy reader takes as calls that are not functions of a value. */
    private static final Set<String> FORMS = Set.of("Piecewise", "Eq", "Ne", "Mod");

    private FunctionCalls() {
    }

    /** Throws at the first call of a function LEMS lacks or of a misspelt known one (see {@link #refuse}). */
    static void check(RhsText rhs, Set<String> userFunctions) {
        String text = rhs.text();
        if (text == null) {
            return;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean startsName = (Character.isLetter(c) || c == '_') && (i == 0 || !continuesName(text.charAt(i - 1)));
            if (!startsName) {
                i++;
                continue;
            }
            int end = i;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            int open = end;
            while (open < text.length() && text.charAt(open) == ' ') {
                open++;
            }
            String name = text.substring(i, end);
            if (open < text.length() && text.charAt(open) == '(' && !known(name, userFunctions)) {
                refuse(rhs, i + 1, name, userFunctions);
            }
            i = end;
        }
    }

    private static boolean continuesName(char previous) {
        return Character.isLetterOrDigit(previous) || previous == '_' || previous == '.';
    }

    private static boolean known(String name, Set<String> userFunctions) {
        return userFunctions.contains(name) || FORMS.contains(name) || Functions.fromSympy(name).isPresent();
    }

    /**
     * Throws for a function LEMS lacks, or for a misspelling of a known function; any other unknown name is left to
     * the expression reader (its syntax errors come first).
     */
    private static void refuse(RhsText rhs, int column, String name, Set<String> userFunctions) {
        if (WITHOUT_LEMS_FORM.contains(name)) {
            throw new BadInputException(rhs.at(column), "function '" + name + "' in " + rhs.what()
                    + " cannot be rendered: LEMS has no " + name + " and none of its functions computes it exactly");
        }
        Set<String> callable = new TreeSet<>(userFunctions);
        for (String canonical : Functions.CANONICAL) {
            callable.add(Functions.toSympy(canonical));
        }
        Optional<String> nearest = NearestName.among(callable, name);
        if (nearest.isPresent()) {
            throw new BadInputException(rhs.at(column), "unknown function '" + name + "' in " + rhs.what()
                    + "; did you mean '" + nearest.get() + "'?");
        }
    }
}
