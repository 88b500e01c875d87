package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.lems.LemsUnits;
import org.lemsbridge.lems.XmlElement;

/**
 * What a ComponentType declares, at the declaration's own line: every {@code dimension} names a defined Dimension
 * (did-you-mean when one is close), and every Constant's value has a known unit of its dimension. The reader would
 * find these only where a component of the type is read, at the component's line.
 */
final class DeclarationCheck {

    private static final Set<String> ANY_DIMENSION = Set.of("none", "*");

    private final LemsUnits units;
    private final List<Finding> findings = new ArrayList<>();

    private DeclarationCheck(LemsUnits units) {
        this.units = units;
    }

    static List<Finding> check(List<XmlElement> elements) {
        LemsUnits units;
        try {
            units = LemsReader.unitsOf(elements);
        } catch (BadInputException e) {
            return List.of(); // a Dimension or Unit that cannot be read stops the reader, which says so
        }
        DeclarationCheck check = new DeclarationCheck(units);
        for (XmlElement element : elements) {
            if (element.tag().equals("ComponentType")) {
                check.members(element.attributeOr("name", "?"), element);
            }
        }
        return List.copyOf(check.findings);
    }

    private void members(String typeName, XmlElement parent) {
        for (XmlElement member : parent.children()) {
            String dimension = member.attributeOr("dimension", null);
            String name = member.attributeOr("name", member.tag());
            if (dimension != null && !ANY_DIMENSION.contains(dimension) && units.dimension(dimension).isEmpty()) {
                findings.add(Finding.error(Code.UNKNOWN_DIMENSION, member.location(), "'" + name + "' in ComponentType '"
                        + typeName + "' has dimension '" + dimension + "', which is not defined",
                        NearestName.among(units.table().dimensions().keySet(), dimension)
                                .map(close -> "did you mean '" + close + "'?")
                                .orElse("declare it with <Dimension name=\"" + dimension + "\" .../>")));
            } else if (member.tag().equals("Constant") && member.attribute("value").isPresent()) {
                try {
                    units.toSi(member.attributeOr("value", ""), dimension == null ? "none" : dimension,
                            member.location());
                } catch (BadInputException e) {
                    findings.add(Finding.error(Code.BAD_VALUE, member.location(), "Constant '" + name
                            + "' of ComponentType '" + typeName + "': " + e.getMessage(), e.hint()));
                }
            }
            members(typeName, member);
        }
    }
}
