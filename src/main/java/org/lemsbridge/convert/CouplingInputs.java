package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lemsbridge.experiment.Case;
import org.lemsbridge.experiment.Dynamics;
import org.lemsbridge.experiment.Equation;
import org.lemsbridge.experiment.RawValue;

/**
 * The coupling symbols of a model that are not its own parameters: those declared under {@code coupling_terms}
 * (TVBO 3ec8deb) or {@code coupling_inputs} (newer TVBO), and TVB's implicit {@code local_coupling} when an
 * equation uses it without declaring it. In one node without a network nothing arrives through them, so each is
 * an input of value 0, rendered as a Parameter the user may override (as TVBO's own LEMS export leaves them).
 */
final class CouplingInputs {
    static final String LOCAL_COUPLING = "local_coupling";
    private static final Pattern LOCAL_COUPLING_USE = Pattern.compile("(?<![A-Za-z0-9_])local_coupling(?![A-Za-z0-9_])");

    private CouplingInputs() {
    }

    /** The names, declared ones in document order first, that no parameter, state or derived quantity defines. */
    static List<String> names(Dynamics dynamics) {
        Set<String> names = new LinkedHashSet<>();
        declared(dynamics.extras().get("coupling_terms"), names);
        declared(dynamics.extras().get("coupling_inputs"), names);
        if (equationTexts(dynamics).anyMatch(text -> LOCAL_COUPLING_USE.matcher(text).find())) {
            names.add(LOCAL_COUPLING);
        }
        names.removeAll(dynamics.parameters().keySet());
        names.removeAll(dynamics.derivedParameters().keySet());
        names.removeAll(dynamics.stateVariables().keySet());
        names.removeAll(dynamics.derivedVariables().keySet());
        return new ArrayList<>(names);
    }

    /** Keys of a mapping, or the names in a list (plain names or entries with a {@code name}). */
    private static void declared(RawValue value, Set<String> names) {
        if (value instanceof RawValue.Mapping map) {
            names.addAll(map.entries().keySet());
        } else if (value instanceof RawValue.Sequence list) {
            for (RawValue item : list.items()) {
                if (item instanceof RawValue.Scalar s && !s.type().equals("null")) {
                    names.add(s.text());
                } else if (item instanceof RawValue.Mapping m && m.entries().get("name") instanceof RawValue.Scalar s) {
                    names.add(s.text());
                }
            }
        }
    }

    private static Stream<String> equationTexts(Dynamics d) {
        Stream<Equation> equations = Stream.of(
                d.parameters().values().stream().map(p -> p.equation()),
                d.derivedParameters().values().stream().map(p -> p.equation()),
                d.stateVariables().values().stream().map(sv -> sv.equation()),
                d.derivedVariables().values().stream().map(dv -> dv.equation()),
                d.derivedVariables().values().stream().flatMap(dv -> dv.cases().stream()).map(Case::equation),
                d.functions().values().stream().map(f -> f.equation())).flatMap(s -> s);
        Stream<String> conditions = d.derivedVariables().values().stream().flatMap(dv -> dv.cases().stream())
                .map(Case::condition);
        return Stream.concat(equations.filter(e -> e != null).map(Equation::rhs), conditions)
                .filter(text -> text != null);
    }
}
