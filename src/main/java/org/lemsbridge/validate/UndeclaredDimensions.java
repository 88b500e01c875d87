package org.lemsbridge.validate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.XmlElement;

/**
 * Where a variable is declared without a {@code dimension} attribute. The reader reads such a variable as
 * dimensionless, but jLEMS leaves its dimension open, so the dimension check infers it from the expression instead.
 */
final class UndeclaredDimensions {

    private static final Set<String> VARIABLES = Set.of("StateVariable", "DerivedVariable",
            "ConditionalDerivedVariable");
    private static final Set<String> DYNAMICS = Set.of("Dynamics", "Behavior", "Behaviour");

    private UndeclaredDimensions() {
    }

    static Set<SourceLocation> of(LemsDocument document) {
        Set<SourceLocation> places = new HashSet<>();
        for (XmlElement element : document.elements()) {
            if (element.tag().equals("ComponentType")) {
                element.children().stream().filter(c -> DYNAMICS.contains(c.tag()))
                        .forEach(dynamics -> collect(dynamics.children(), places));
            }
        }
        return places;
    }

    private static void collect(List<XmlElement> members, Set<SourceLocation> places) {
        for (XmlElement member : members) {
            if (VARIABLES.contains(member.tag()) && member.attribute("dimension").isEmpty()) {
                places.add(member.location());
            }
        }
    }
}
