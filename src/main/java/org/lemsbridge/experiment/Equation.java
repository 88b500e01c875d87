package org.lemsbridge.experiment;

import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.error.SourceLocation;

/**
 * An equation as the user wrote it: {@code rhs} is kept as text (SymPy syntax) for the converter to parse;
 * {@code rhsLocation} points at the rhs scalar itself, also for the shortcut {@code equation: "x+1"}.
 * {@code lhs} and {@code rhs} are null when absent. An equation written as {@code conditionals} (a piecewise
 * equation, first holding condition wins) keeps them as written, and its {@code rhs} is their SymPy text
 * {@code Piecewise(((expression), (condition)), ...)} (each part in parentheses, so it stays one part); {@code rhsLocation} then points at the {@code conditionals} key.
 */
public record Equation(String lhs, String rhs, Extras extras, SourceLocation rhsLocation,
        List<Conditional> conditionals) {

    private static final String PIECEWISE = "Piecewise(";

    public Equation {
        extras = extras == null ? Extras.NONE : extras;
        conditionals = conditionals == null ? List.of() : List.copyOf(conditionals);
        if (!conditionals.isEmpty()) {
            rhs = piecewiseText(conditionals);
        }
    }

    public Equation(String lhs, String rhs, Extras extras, SourceLocation rhsLocation) {
        this(lhs, rhs, extras, rhsLocation, List.of());
    }

    public static Equation of(String rhs) {
        return new Equation(null, rhs, Extras.NONE, null);
    }

    /** Whether the equation was written as {@code conditionals} (its rhs is then their Piecewise text). */
    public boolean isPiecewise() {
        return !conditionals.isEmpty();
    }

    /**
     * Where each conditional's text sits in {@link #rhs}: for conditional {@code i}, {@code [2i]} is the offset of its
     * expression and {@code [2i+1]} that of its condition.
     */
    public int[] conditionalOffsets() {
        int[] offsets = new int[2 * conditionals.size()];
        int at = PIECEWISE.length();
        for (int i = 0; i < conditionals.size(); i++) {
            Conditional c = conditionals.get(i);
            at += i == 0 ? 2 : 6;
            offsets[2 * i] = at;
            at += c.expression().length() + 4;
            offsets[2 * i + 1] = at;
            at += c.condition().length();
        }
        return offsets;
    }

    public Equation withoutLocations() {
        return new Equation(lhs, rhs, extras, null, conditionals.stream().map(Conditional::withoutLocations).toList());
    }

    static Equation stripped(Equation equation) {
        return equation == null ? null : equation.withoutLocations();
    }

    private static String piecewiseText(List<Conditional> conditionals) {
        List<String> cases = new ArrayList<>();
        for (Conditional c : conditionals) {
            cases.add("((" + c.expression() + "), (" + c.condition() + "))");
        }
        return PIECEWISE + String.join(", ", cases) + ")";
    }
}
