package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.LemsModel;

/**
 * Every component reference names a component that exists. (Its type is not checked: jLEMS accepts, and NeuroML
 * relies on, populations of spike sources that are not {@code baseCell}s.)
 */
final class ReferenceCheck {

    private ReferenceCheck() {
    }

    static List<Finding> check(LemsModel model) {
        List<Finding> findings = new ArrayList<>();
        for (Component component : model.topLevelComponents()) {
            visit(model, component, findings);
        }
        return List.copyOf(findings);
    }

    private static void visit(LemsModel model, Component component, List<Finding> findings) {
        for (ComponentType.ComponentReference reference : component.type().componentReferences()) {
            String id = component.texts().get(reference.name());
            if (reference.local() || id == null) {
                continue;
            }
            Component target = model.componentsById().get(id);
            if (target == null) {
                findings.add(Finding.error(Code.DANGLING_REFERENCE, component.location(), component.describe()
                        + ": " + reference.name() + "='" + id + "' names no component", "define a component with id=\""
                        + id + "\" or correct the name"));
            }
        }
        for (Component child : component.children()) {
            visit(model, child, findings);
        }
    }
}
