package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.Structure;
import org.lemsbridge.tree.Node;
import org.lemsbridge.tree.Read;

/**
 * One imported cell in the simulator's instance tree ({@link org.lemsbridge.tree}): the cell's node, the instances
 * below it that the import flattens (nested {@code Child} and {@code Children} components and the
 * {@code ChildInstance}s of their Structures, in document order, parents first), and how the flat model names each
 * (its recorder path segment and a readable prefix). The nodes above the cell (population, network) are the
 * holders, whose values a Requirement may read. Anything else a Structure below the cell builds is refused.
 */
final class MemberTree {

    /** What a name read from an instance is. */
    enum ReadKind {
        /** a parameter, derived parameter, constant or property: the same value at every step */
        CONSTANT,
        /** a state variable */
        STATE,
        /** a derived or conditional derived variable */
        DERIVED,
        /** a Requirement's slot: the value the instance read at its last step */
        REQUIREMENT,
        /** an exposure no variable maps to: 0 for ever */
        ZERO
    }

    /** A resolved read: the instance holding it, the variable, what it is, and whether it came through an exposure. */
    record Slot(Node node, String name, ReadKind kind, boolean viaExposure) {
    }

    private final Node root;
    private final List<Node> descendants = new ArrayList<>();
    private final Map<Node, String> segments = new IdentityHashMap<>();
    private final Map<Node, String> prefixes = new IdentityHashMap<>();

    private MemberTree(Node cell) {
        this.root = cell;
        refuseStructures(cell);
        collect(cell);
        assignPrefixes();
    }

    /** The cell's part of the tree; refuses what the import does not flatten. */
    static MemberTree of(Node cell) {
        return new MemberTree(cell);
    }

    Node root() {
        return root;
    }

    /** Every instance below the cell, parents before children, in document order. */
    List<Node> descendants() {
        return List.copyOf(descendants);
    }

    boolean hasDescendants() {
        return !descendants.isEmpty();
    }

    /** True for the components above the cell (population, network): only their values are read. */
    boolean outside(Node node) {
        for (Node above = root.parent(); above != null; above = above.parent()) {
            if (above == node) {
                return true;
            }
        }
        return false;
    }

    /** The cell itself, or one of its holders. */
    boolean isRoot(Node node) {
        return node == root || outside(node);
    }

    /** The readable prefix of an instance below the cell ({@code naChans}, {@code na_m_forwardRate}). */
    String prefix(Node node) {
        return prefixes.getOrDefault(node, "");
    }

    /** The recorder path of an instance below the cell ({@code naChans/na/m}); empty for the cell. */
    String path(Node node) {
        if (isRoot(node)) {
            return "";
        }
        String above = path(node.parent());
        return above.isEmpty() ? segments.get(node) : above + "/" + segments.get(node);
    }

    String describe(Node node) {
        return (isRoot(node) ? "cell " : path(node) + " ") + "(" + type(node).name() + ")";
    }

    // ---- building the view ----

    /**
     * The children of {@code node} the import flattens, in document order: its nested components (a Child's first
     * component, each list member), then what its ChildInstances made.
     */
    private void collect(Node node) {
        Map<Component, Node> nested = new IdentityHashMap<>();
        List<Node> instantiated = new ArrayList<>();
        for (Node child : node.singles()) {
            if (child.role() == Node.Role.CHILD) {
                nested.put(child.component(), child);
            } else if (child.role() == Node.Role.CHILD_INSTANCE) {
                instantiated.add(child);
            }
        }
        Map<String, Integer> listSizes = new HashMap<>();
        for (String group : node.groupNames()) {
            for (Node member : node.group(group)) {
                if (member.role() == Node.Role.LIST_MEMBER) {
                    nested.put(member.component(), member);
                }
            }
        }
        List<Node> ordered = new ArrayList<>();
        for (Component child : node.component().children()) {
            Node made = nested.get(child);
            if (made == null) {
                continue;
            }
            String segment;
            if (made.role() == Node.Role.CHILD) {
                // recorders find a Child by its name or by its id; jLEMS's own paths use the id when there is one
                segment = child.id() != null ? child.id() : made.name();
            } else {
                String list = child.role() == null ? "" : child.role();
                int position = listSizes.merge(list, 1, Integer::sum) - 1;
                segment = child.id() != null ? child.id() : list + "_" + position;
            }
            segments.put(made, segment);
            ordered.add(made);
        }
        for (Node child : instantiated) {
            segments.put(child, child.id());
            ordered.add(child);
        }
        for (Node child : ordered) {
            refuseStructures(child);
            descendants.add(child);
            collect(child);
        }
    }

    /** Only ChildInstance (of a component the instance names itself) is flattened. */
    private void refuseStructures(Node node) {
        ComponentType type = type(node);
        for (Structure.Item item : type.structure().items()) {
            if (!(item instanceof Structure.ChildInstance childInstance)) {
                throw new BadInputException(node.component().location(), describe(node) + " builds "
                        + item.getClass().getSimpleName() + " instances in its Structure, which the import does not "
                        + "flatten (only ChildInstance)", "type " + type.name() + " at " + type.location());
            }
            if (childInstance.component().contains("/")) {
                throw new BadInputException(node.component().location(), describe(node) + ": ChildInstance of '"
                        + childInstance.component() + "' is not imported (only a reference of the component itself)");
            }
        }
    }

    /**
     * Readable prefixes: a child of the cell, a ChildInstance, and a component that instantiates one (a channel
     * population or density) start afresh when their name is unique in the tree and an identifier
     * ({@code naChans}, {@code na}); others extend their parent's ({@code na_m_forwardRate}).
     */
    private void assignPrefixes() {
        Map<String, Integer> counts = new HashMap<>();
        for (Node n : descendants) {
            counts.merge(segments.get(n), 1, Integer::sum);
        }
        for (Node n : descendants) {
            String segment = segments.get(n);
            String own = SafeId.of(segment);
            boolean instantiates = type(n).structure().items().stream()
                    .anyMatch(Structure.ChildInstance.class::isInstance);
            boolean named = own.equals(segment) && counts.get(segment) == 1;
            if (n.parent() == root || (named && (n.role() == Node.Role.CHILD_INSTANCE || instantiates))) {
                prefixes.put(n, own);
            } else {
                prefixes.put(n, prefix(n.parent()) + "_" + own);
            }
        }
    }

    // ---- what an instance declares ----

    static ComponentType type(Node node) {
        return node.component().type();
    }

    static Dynamics dynamics(Node node) {
        return type(node).dynamicsIfAny().orElse(null);
    }

    static List<Dynamics.StateVariable> states(Node node) {
        Dynamics dyn = dynamics(node);
        return dyn == null ? List.of() : dyn.stateVariables();
    }

    static List<Dynamics.DerivedVariable> derived(Node node) {
        Dynamics dyn = dynamics(node);
        return dyn == null ? List.of() : dyn.derivedVariables();
    }

    static List<Dynamics.ConditionalDerivedVariable> conditional(Node node) {
        Dynamics dyn = dynamics(node);
        return dyn == null ? List.of() : dyn.conditionalDerivedVariables();
    }

    static boolean isConstant(Node node, String name) {
        return node.component().values().containsKey(name)
                || type(node).properties().stream().anyMatch(p -> p.name().equals(name));
    }

    static boolean isState(Node node, String name) {
        return states(node).stream().anyMatch(s -> s.name().equals(name));
    }

    static boolean isDerived(Node node, String name) {
        return derived(node).stream().anyMatch(d -> d.name().equals(name))
                || conditional(node).stream().anyMatch(c -> c.name().equals(name));
    }

    static boolean isRequirement(Node node, String name) {
        return type(node).requirements().stream().anyMatch(r -> r.name().equals(name) && !name.equals("t"));
    }

    /** The variable an exposure snapshot copies, or null (the tree's own mapping of exposures). */
    static String exposureSource(Node node, String exposure) {
        Integer index = node.kind().exposureIndex.get(exposure);
        if (index == null) {
            return null;
        }
        int source = node.kind().exposureSources[index];
        return source < 0 ? null : node.kind().slotNames[source];
    }

    /** The variable's value after initialisation. */
    static double initialValue(Node node, String variable) {
        int slot = node.kind().slotOf(variable);
        return slot < 0 ? 0.0 : node.vars()[slot];
    }

    /** What {@code read} (a lookup of the tree) is, for the flattener; null when it is none of those. */
    static Slot slot(Read read) {
        Node owner = read.owner();
        String variable = read.variable();
        if (read.exposure()) {
            if (variable == null) {
                return new Slot(owner, owner.kind().exposureNames[read.slot()], ReadKind.ZERO, true);
            }
            return new Slot(owner, variable, isState(owner, variable) ? ReadKind.STATE : ReadKind.DERIVED, true);
        }
        if (isConstant(owner, variable)) {
            return new Slot(owner, variable, ReadKind.CONSTANT, false);
        }
        if (isRequirement(owner, variable)) {
            return new Slot(owner, variable, ReadKind.REQUIREMENT, false);
        }
        if (isState(owner, variable)) {
            return new Slot(owner, variable, ReadKind.STATE, false);
        }
        if (isDerived(owner, variable)) {
            return new Slot(owner, variable, ReadKind.DERIVED, false);
        }
        return null;
    }

    /** Whether the first step of {@code path} names one of the node's Attachments sets. */
    static boolean startsAtAttachments(Node node, String path) {
        String first = path.split("/")[0];
        int bracket = first.indexOf('[');
        String name = bracket < 0 ? first : first.substring(0, bracket);
        return type(node).attachments().stream().anyMatch(a -> a.name().equals(name));
    }
}
