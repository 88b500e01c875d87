package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.LemsModel;

/** Every numeric value of every component is finite: {@code NaN}, {@code Infinity} or {@code 1e400mV} are refused. */
final class FiniteValues {

    private FiniteValues() {
    }

    static List<Finding> check(LemsModel model) {
        List<Finding> findings = new ArrayList<>();
        model.topLevelComponents().forEach(component -> visit(component, findings));
        return List.copyOf(findings);
    }

    private static void visit(Component component, List<Finding> findings) {
        for (Map.Entry<String, Double> value : component.values().entrySet()) {
            if (!Double.isFinite(value.getValue())) {
                String written = component.attributes().get(value.getKey());
                findings.add(Finding.error(Code.NOT_FINITE, component.location(), component.describe() + ": "
                        + value.getKey() + (written == null ? "" : "='" + written + "'") + " is " + value.getValue()
                        + " in SI units, not a finite number", "use a finite value within about 1e308"));
            }
        }
        component.children().forEach(child -> visit(child, findings));
    }
}
