package org.lemsbridge.tree;

import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.Component;

/**
 * Resolves, once the tree is built and wired, every name an instance reads from elsewhere: requirements (from the
 * parent's lookup), select/reduce targets, kinetic schemes, and, inside RK4 groups, the live reads of their stages.
 * Nothing is looked up by name after this.
 */
final class Binder {

    private Binder() {
    }

    private static final Read[] NO_READS = new Read[0];
    private static final Read[][] NO_READ_LISTS = new Read[0][];

    static void bindAll(Node instance) {
        Kind kind = instance.kind();
        Read[] requirements = kind.requirementNames.length == 0 ? NO_READS : new Read[kind.requirementNames.length];
        for (int i = 0; i < requirements.length; i++) {
            Read read = instance.parent() == null ? null : instance.parent().lookup(kind.requirementNames[i]);
            if (read == null) {
                throw new BadInputException(instance.component().location(), instance.path() + " requires '"
                        + kind.requirementNames[i] + "' but no enclosing component provides it");
            }
            requirements[i] = read;
        }
        int n = kind.selects.length;
        Read[][] sources = n == 0 ? NO_READ_LISTS : new Read[n][];
        double[] fallbacks = kind.zeroFallbacks; // copied before a value other than 0 is set
        boolean[] multiply = kind.selectMultiply;
        for (int i = 0; i < n; i++) {
            Kind.SelectVariable select = kind.selects[i];
            Read[] found = selectTargets(instance, kind.selectPaths[i], false);
            if (found == null || (found.length == 0 && select.reduce() == null)) {
                if ("add".equals(select.reduce())) {
                    // falls back to 0
                } else if (multiply[i] && !select.required()) {
                    if (fallbacks == kind.zeroFallbacks) {
                        fallbacks = fallbacks.clone();
                    }
                    fallbacks[i] = 1.0;
                } else if (multiply[i]) {
                    sources[i] = NO_READS;
                    continue;
                } else if (!select.required()) {
                    // falls back to 0
                } else {
                    throw new BadInputException(instance.component().location(), instance.path() + ": select '"
                            + select.path() + "' of " + select.name() + " finds nothing");
                }
                sources[i] = null;
            } else {
                sources[i] = found;
            }
        }
        instance.bind(requirements, sources, fallbacks, multiply);
        if (!kind.kineticSchemes.isEmpty()) {
            SchemeBinding[] schemes = new SchemeBinding[kind.kineticSchemes.size()];
            for (int i = 0; i < schemes.length; i++) {
                schemes[i] = kineticScheme(instance, kind.kineticSchemes.get(i));
            }
            instance.bindSchemes(schemes);
        }
        for (Node child : instance.advanceOrder()) {
            bindAll(child);
        }
    }

    /**
     * The requirements and selects an RK4 stage reads (the variables behind exposures), for every instance of an
     * RK4 group; only such instances read them.
     */
    private static void bindLive(Node instance) {
        Kind kind = instance.kind();
        Read[] requirements = instance.requirements();
        Read[] liveRequirements = requirements.length == 0 ? NO_READS : new Read[requirements.length];
        for (int i = 0; i < requirements.length; i++) {
            liveRequirements[i] = instance.parent().lookupLive(kind.requirementNames[i]);
        }
        Read[][] sources = instance.selects();
        int n = kind.selects.length;
        Read[][] liveSources = n == 0 ? NO_READ_LISTS : new Read[n][];
        for (int i = 0; i < n; i++) {
            liveSources[i] = sources[i] == null ? null : selectTargets(instance, kind.selectPaths[i], true);
        }
        instance.bindLive(liveRequirements, liveSources);
        for (Node child : instance.advanceOrder()) {
            bindLive(child);
        }
    }

    /** Binds the live reads of every RK4 group (a simultaneous Dynamics with its subtree). */
    static void bindRk4Groups(Node instance) {
        if (instance.simultaneous()) {
            bindLive(instance);
            return;
        }
        for (Node child : instance.advanceOrder()) {
            bindRk4Groups(child);
        }
    }

    /**
     * Binds a KineticScheme: its nodes list gives the states (the first starts with occupancy 1, the others 0), its
     * edges list the transitions, whose edgeSource/edgeTarget attributes name states by id.
     */
    private static SchemeBinding kineticScheme(Node instance, org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        List<Node> nodes = instance.group(ks.nodes());
        List<Node> edges = instance.group(ks.edges());
        nodes = nodes == null ? List.of() : nodes;
        edges = edges == null ? List.of() : edges;
        int[][] table = new int[edges.size()][2];
        Ref[] forward = new Ref[edges.size()];
        Ref[] reverse = new Ref[edges.size()];
        for (int i = 0; i < edges.size(); i++) {
            Node edge = edges.get(i);
            table[i][0] = stateIndex(nodes, edge, ks.edgeSource(), ks);
            table[i][1] = stateIndex(nodes, edge, ks.edgeTarget(), ks);
            forward[i] = required(edge.lookup(ks.forwardRate()), edge, ks.forwardRate(), ks).ref();
            reverse[i] = required(edge.lookup(ks.reverseRate()), edge, ks.reverseRate(), ks).ref();
        }
        Ref[] read = new Ref[nodes.size()];
        Ref[] write = new Ref[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            read[i] = required(node.lookup(ks.stateVariable()), node, ks.stateVariable(), ks).ref();
            int slot = node.kind().slotOf(ks.stateVariable());
            write[i] = new Ref(node.vars(), slot);
            node.vars()[slot] = i == 0 ? 1.0 : 0.0;
        }
        return new SchemeBinding(table, forward, reverse, read, write);
    }

    private static int stateIndex(List<Node> nodes, Node edge, String attribute,
            org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        String id = edge.component().textOrAttributeOrNull(attribute);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != null && nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new BadInputException(edge.component().location(), "KineticScheme " + ks.name() + ": transition "
                + edge.path() + " names state '" + id + "' that is not in " + ks.nodes());
    }

    private static Read required(Read ref, Node at, String variable, org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        if (ref == null) {
            throw new BadInputException(ks.location(), "KineticScheme " + ks.name() + ": " + at.path() + " has no '"
                    + variable + "'");
        }
        return ref;
    }

    /** Targets of a select path, or null when a plain (non-list) step is missing. */
    private static Read[] selectTargets(Node instance, Kind.SelectPath path, boolean live) {
        String[] steps = path.steps();
        String[] lists = path.lists();
        String[] filters = path.filters();
        List<Node> current = List.of(instance);
        for (int s = 0; s < steps.length - 1; s++) {
            String step = steps[s];
            List<Node> next = new ArrayList<>(4);
            int bracket = step.indexOf('[');
            String listName = null;
            String filter = null;
            if (bracket >= 0 && bracket + 1 <= step.length() - 1) {
                listName = lists[s];
                filter = filters[s];
            }
            for (int c = 0; c < current.size(); c++) {
                Node at = current.get(c);
                if (bracket < 0) {
                    Node child = at.findChild(step);
                    if (child != null) {
                        next.add(child);
                    }
                    continue;
                }
                if (listName == null) {
                    listName = step.substring(0, bracket);
                    filter = step.substring(bracket + 1, step.length() - 1).trim();
                }
                List<Node> members = at.group(listName);
                if (members == null) {
                    Node single = at.single(listName);
                    members = single == null ? List.of() : List.of(single);
                }
                for (int m = 0; m < members.size(); m++) {
                    Node member = members.get(m);
                    if (filter.equals("*") || member.component().matchesFilter(filter)) {
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
        Read[] refs = current.isEmpty() ? NO_READS : new Read[current.size()];
        for (int i = 0; i < refs.length; i++) {
            Node target = current.get(i);
            Read ref = live ? target.lookupLive(variable) : target.lookup(variable);
            if (ref == null) {
                return null;
            }
            refs[i] = ref;
        }
        return refs;
    }
}
