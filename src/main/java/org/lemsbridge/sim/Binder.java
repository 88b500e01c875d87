package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.Component;

/**
 * Resolves, once the tree is built and wired, every name an instance reads from elsewhere: requirements (from the
 * parent's lookup), select/reduce targets, kinetic schemes, and marks RK4 groups. Nothing is looked up by name
 * after this.
 */
final class Binder {

    private Binder() {
    }

    static void bindAll(Instance instance) {
        Kind kind = instance.kind;
        Ref[] requirements = new Ref[kind.requirementNames.length];
        for (int i = 0; i < requirements.length; i++) {
            Ref ref = instance.parent == null ? null : instance.parent.lookup(kind.requirementNames[i]);
            if (ref == null) {
                throw new BadInputException(instance.component.location(), instance.path() + " requires '"
                        + kind.requirementNames[i] + "' but no enclosing component provides it");
            }
            requirements[i] = ref;
        }
        int n = kind.selects.length;
        Ref[][] sources = new Ref[n][];
        double[] fallbacks = new double[n];
        boolean[] multiply = new boolean[n];
        for (int i = 0; i < n; i++) {
            Kind.SelectVariable select = kind.selects[i];
            multiply[i] = "multiply".equals(select.reduce());
            List<Ref> found = selectTargets(instance, select.path(), false);
            if (found == null || (found.isEmpty() && select.reduce() == null)) {
                if ("add".equals(select.reduce())) {
                    fallbacks[i] = 0.0;
                } else if (multiply[i] && !select.required()) {
                    fallbacks[i] = 1.0;
                } else if (multiply[i]) {
                    sources[i] = new Ref[0];
                    continue;
                } else if (!select.required()) {
                    fallbacks[i] = 0.0;
                } else {
                    throw new BadInputException(instance.component.location(), instance.path() + ": select '"
                            + select.path() + "' of " + select.name() + " finds nothing");
                }
                sources[i] = null;
            } else {
                sources[i] = found.toArray(Ref[]::new);
            }
        }
        instance.bind(requirements, sources, fallbacks, multiply);
        Ref[] liveRequirements = new Ref[requirements.length];
        for (int i = 0; i < requirements.length; i++) {
            liveRequirements[i] = instance.parent.lookupLive(kind.requirementNames[i]);
        }
        Ref[][] liveSources = new Ref[n][];
        for (int i = 0; i < n; i++) {
            List<Ref> found = sources[i] == null ? null : selectTargets(instance, kind.selects[i].path(), true);
            liveSources[i] = found == null ? null : found.toArray(Ref[]::new);
        }
        instance.bindLive(liveRequirements, liveSources);
        instance.bindSchemes(kind.kineticSchemes.stream().map(ks -> kineticScheme(instance, ks))
                .toArray(KineticSchemeRun[]::new));
        for (Instance child : instance.advanceOrder()) {
            bindAll(child);
        }
    }

    static void markRk4Groups(Instance instance) {
        var dynamics = instance.kind.type.dynamics();
        if (dynamics != null && dynamics.simultaneous()) {
            instance.integrateWithRk4(new Rk4Group(instance));
            return;
        }
        for (Instance child : instance.advanceOrder()) {
            markRk4Groups(child);
        }
    }

    /**
     * Binds a KineticScheme: its nodes list gives the states (the first starts with occupancy 1, the others 0), its
     * edges list the transitions, whose edgeSource/edgeTarget attributes name states by id.
     */
    private static KineticSchemeRun kineticScheme(Instance instance, org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        List<Instance> nodes = instance.groups.getOrDefault(ks.nodes(), List.of());
        List<Instance> edges = instance.groups.getOrDefault(ks.edges(), List.of());
        int[][] table = new int[edges.size()][2];
        Ref[] forward = new Ref[edges.size()];
        Ref[] reverse = new Ref[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            Instance edge = edges.get(i);
            table[i][0] = stateIndex(nodes, edge, ks.edgeSource(), ks);
            table[i][1] = stateIndex(nodes, edge, ks.edgeTarget(), ks);
            forward[i] = required(edge.lookup(ks.forwardRate()), edge, ks.forwardRate(), ks);
            reverse[i] = required(edge.lookup(ks.reverseRate()), edge, ks.reverseRate(), ks);
        }
        Ref[] read = new Ref[nodes.size()];
        Ref[] write = new Ref[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Instance node = nodes.get(i);
            read[i] = required(node.lookup(ks.stateVariable()), node, ks.stateVariable(), ks);
            int slot = node.kind.slotOf(ks.stateVariable());
            write[i] = new Ref(node.vars, slot);
            node.vars[slot] = i == 0 ? 1.0 : 0.0;
        }
        return new KineticSchemeRun(table, forward, reverse, read, write);
    }

    private static int stateIndex(List<Instance> nodes, Instance edge, String attribute,
            org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        String id = edge.component.texts().getOrDefault(attribute, edge.component.attributes().get(attribute));
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id != null && nodes.get(i).id.equals(id)) {
                return i;
            }
        }
        throw new BadInputException(ks.location(), "KineticScheme " + ks.name() + ": transition " + edge.path()
                + " names state '" + id + "' that is not in " + ks.nodes());
    }

    private static Ref required(Ref ref, Instance at, String variable, org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        if (ref == null) {
            throw new BadInputException(ks.location(), "KineticScheme " + ks.name() + ": " + at.path() + " has no '"
                    + variable + "'");
        }
        return ref;
    }

    /** Targets of a select path, or null when a plain (non-list) step is missing. */
    private static List<Ref> selectTargets(Instance instance, String path, boolean live) {
        String[] steps = path.split("/");
        List<Instance> current = List.of(instance);
        for (int s = 0; s < steps.length - 1; s++) {
            String step = steps[s];
            List<Instance> next = new ArrayList<>();
            int bracket = step.indexOf('[');
            for (Instance at : current) {
                if (bracket < 0) {
                    Instance child = at.findChild(step);
                    if (child != null) {
                        next.add(child);
                    }
                    continue;
                }
                String listName = step.substring(0, bracket);
                String filter = step.substring(bracket + 1, step.length() - 1).trim();
                List<Instance> members = at.groups.get(listName);
                if (members == null) {
                    Instance single = at.singleByName.get(listName);
                    members = single == null ? List.of() : List.of(single);
                }
                for (Instance member : members) {
                    if (filter.equals("*") || matches(member, filter)) {
                        next.add(member);
                    }
                }
            }
            if (next.isEmpty() && bracket < 0) {
                return null;
            }
            current = next;
        }
        String variable = steps[steps.length - 1];
        List<Ref> refs = new ArrayList<>();
        for (Instance target : current) {
            Ref ref = live ? target.lookupLive(variable) : target.lookup(variable);
            if (ref == null) {
                return null;
            }
            refs.add(ref);
        }
        return refs;
    }

    private static boolean matches(Instance member, String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String attribute = filter.substring(0, eq).trim();
        String value = filter.substring(eq + 1).trim().replace("'", "").replace("\"", "");
        Component component = member.component;
        String actual = component.texts().get(attribute);
        if (actual == null) {
            actual = component.attributes().get(attribute);
        }
        return value.equals(actual);
    }
}
