package org.lemsbridge.convert;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names the renderer gives a user symbol that LEMS cannot use as written ({@code E} -> {@code E_sv}), and the
 * way back, so that an import of a rendered model writes the user's names again.
 */
public final class RenderedNames {
    /** Names a user symbol cannot keep in LEMS: jLEMS functions, the printer's constants, Component attributes. */
    static final Set<String> RESERVED = Set.of("sin", "cos", "tan", "sinh", "cosh", "tanh", "exp", "sqrt",
            "ceil", "abs", "log", "ln", "H", "random", "factorial", "sum", "product", "pi", "E", "id", "type");

    /** What the renderer appends, by kind of symbol; more {@code _} follow while the name is taken. */
    static final String PARAMETER = "_par";
    static final String STATE = "_sv";
    static final String DERIVED = "_dv";

    private static final Pattern SUFFIXED = Pattern.compile("([A-Za-z]+)(?:_par|_sv|_dv)_*");

    private RenderedNames() {
    }

    /** The user's name of a LEMS name the renderer suffixed ({@code E_sv} -> {@code E}); empty for any other. */
    public static Optional<String> userName(String lemsName) {
        Matcher m = SUFFIXED.matcher(lemsName);
        return m.matches() && RESERVED.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }
}
