package org.lemsbridge.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.SimulationBlock;
import org.lemsbridge.lems.Structure;
import org.lemsbridge.util.Mapped;

/**
 * Follows each recorded quantity path (OutputColumn, Line, ...) of the Target's Simulation through the components
 * it would instantiate, and reports a path that certainly leads nowhere. Where the instance tree depends on things
 * only a run builds (attachments, connections, instance lists) the path is given the benefit of the doubt.
 */
final class OutputPathCheck {

    private final LemsModel model;
    private final List<Finding> findings = new ArrayList<>();

    private OutputPathCheck(LemsModel model) {
        this.model = model;
    }

    static List<Finding> check(LemsModel model) {
        OutputPathCheck check = new OutputPathCheck(model);
        model.targetSimulation().ifPresent(check::simulation);
        return List.copyOf(check.findings);
    }

    private void simulation(Component simulation) {
        List<SimulationBlock.Run> runs = simulation.type().simulation().runs();
        if (runs.isEmpty()) {
            return;
        }
        String targetId = simulation.texts().get(runs.get(0).component());
        Component root = targetId == null ? null : model.componentsById().get(targetId);
        if (root != null) {
            recorders(simulation, root);
        }
    }

    private void recorders(Component component, Component root) {
        for (SimulationBlock.Record record : component.type().simulation().records()) {
            String path = component.texts().get(record.quantity());
            if (path != null) {
                check(component, root, path);
            }
        }
        component.children().forEach(child -> recorders(child, root));
    }

    /** Outcome of following one step: a component, the end of certainty, or a definite failure with a reason. */
    private sealed interface Step permits Found, Unsure, Missing {
    }

    private record Found(Component component) implements Step {
    }

    private record Unsure() implements Step {
    }

    private record Missing(String reason) implements Step {
    }

    private void check(Component recorder, Component root, String path) {
        String[] steps = path.replace("[", "/[").split("/");
        Component current = root;
        int last = steps.length - 1;
        while (last >= 0 && steps[last].isEmpty()) {
            last--;
        }
        if (last < 0) {
            report(recorder, path, "the path is empty");
            return;
        }
        for (int i = 0; i < last; i++) {
            if (steps[i].isEmpty() || steps[i].equals(".")) {
                continue;
            }
            Step step = step(current, steps[i]);
            if (step instanceof Unsure) {
                return;
            }
            if (step instanceof Missing missing) {
                report(recorder, path, missing.reason());
                return;
            }
            current = ((Found) step).component();
        }
        String variable = steps[last];
        if (!hasVariable(current.type(), variable) && isClosed(current.type())) {
            report(recorder, path, current.describe() + " has no variable or exposure '" + variable + "'");
        }
    }

    private Step step(Component current, String name) {
        if (name.equals("..")) {
            return new Unsure();
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            return member(current, name);
        }
        for (Component child : current.children()) {
            if (name.equals(child.id()) || name.equals(child.role())) {
                return new Found(child);
            }
        }
        for (ComponentType.ComponentReference reference : current.type().componentReferences()) {
            String id = current.texts().get(reference.name());
            if (name.equals(id) || name.equals(reference.name())) {
                return Optional.ofNullable(id).map(model.componentsById()::get).<Step>map(Found::new)
                        .orElse(new Unsure());
            }
        }
        if (!isClosed(current.type())) {
            return new Unsure();
        }
        return new Missing("no '" + name + "' in " + current.describe());
    }

    private Step member(Component current, String indexText) {
        Optional<Structure.MultiInstantiate> multi = Optional.empty();
        for (Structure.Item item : current.type().structure().items()) {
            if (item instanceof Structure.MultiInstantiate found) {
                multi = Optional.of(found);
                break;
            }
        }
        if (multi.isEmpty()) {
            return isClosed(current.type()) && current.children().isEmpty()
                    ? new Missing(current.describe() + " has no members to index with " + indexText)
                    : new Unsure();
        }
        int index;
        try {
            index = Integer.parseInt(indexText.substring(1, indexText.length() - 1).trim());
        } catch (NumberFormatException e) {
            return new Missing("'" + indexText + "' is not an index");
        }
        Double size = current.values().get(multi.get().number());
        if (size != null && (index < 0 || index >= size)) {
            return new Missing(current.describe() + " has " + Math.round(size) + " members; " + indexText
                    + " is out of range");
        }
        String id = multi.get().component() == null ? null : current.texts().get(multi.get().component());
        Component member = id == null ? null : model.componentsById().get(id);
        return member == null ? new Unsure() : new Found(member);
    }

    /** True when every name reachable in instances of the type is declared in it (no run-time attachments). */
    private static boolean isClosed(ComponentType type) {
        return type.attachments().isEmpty()
                && Mapped.all(type.structure().items(), Structure.MultiInstantiate.class::isInstance);
    }

    private static boolean hasVariable(ComponentType type, String name) {
        if (type.hasExposure(name) || Mapped.any(type.parameters(), p -> p.name().equals(name))
                || Mapped.any(type.derivedParameters(), p -> p.name().equals(name))
                || Mapped.any(type.constants(), c -> c.name().equals(name))
                || Mapped.any(type.properties(), p -> p.name().equals(name))) {
            return true;
        }
        Dynamics dynamics = type.dynamics();
        return dynamics != null && (Mapped.any(dynamics.stateVariables(), s -> s.name().equals(name))
                || Mapped.any(dynamics.derivedVariables(), d -> d.name().equals(name))
                || Mapped.any(dynamics.conditionalDerivedVariables(), d -> d.name().equals(name)));
    }

    private void report(Component recorder, String path, String reason) {
        findings.add(Finding.error(Code.OUTPUT_PATH, recorder.location(), "quantity '" + path + "' of "
                + recorder.describe() + " resolves to nothing: " + reason,
                "paths start at the Simulation's target, e.g. pop[0]/v"));
    }
}
