package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.Structure;

/**
 * The instance tree jLEMS builds below one cell (lems-semantics §1, §5.3): nested {@code Child} and
 * {@code Children} components and the {@code ChildInstance}s of their Structures, and above it the components that
 * hold the cell (population, network), whose values a Requirement may read. It resolves names as jLEMS's lookup
 * does (exposure first, then variable, then the parent) and select paths as its binder does, so the flattener can
 * tell what each read sees. Anything else a Structure builds is refused by name and location.
 */
final class ComponentTree {

    /** One instance: a component, where it hangs, and its children by Child name and by Children list. */
    static final class Node {
        final Component component;
        final ComponentType type;
        final Dynamics dyn;
        final Node parent;
        /** The step a recorder path uses for this instance (Child name, list member id, ChildInstance id). */
        final String segment;
        /** True for the components above the cell (population, network): only their values are read. */
        final boolean outside;
        final List<Node> children = new ArrayList<>();
        final Map<String, Node> singles = new LinkedHashMap<>();
        final Map<String, List<Node>> groups = new LinkedHashMap<>();
        /** Created by a ChildInstance (the referenced component), not nested in the document. */
        boolean instantiated;
        String prefix = "";

        Node(Component component, Node parent, String segment, boolean outside) {
            this.component = component;
            this.type = component.type();
            this.dyn = type.dynamicsIfAny().orElse(null);
            this.parent = parent;
            this.segment = segment;
            this.outside = outside;
        }

        boolean isRoot() {
            return parent == null || parent.outside;
        }

        /** The recorder path of this instance below the cell ({@code naChans/na/m}); empty for the cell. */
        String path() {
            if (isRoot()) {
                return "";
            }
            String above = parent.path();
            return above.isEmpty() ? segment : above + "/" + segment;
        }

        String describe() {
            return (isRoot() ? "cell " : path() + " ") + "(" + type.name() + ")";
        }

        SourceLocation location() {
            return component.location();
        }

        List<Dynamics.StateVariable> states() {
            return dyn == null ? List.of() : dyn.stateVariables();
        }

        List<Dynamics.DerivedVariable> derived() {
            return dyn == null ? List.of() : dyn.derivedVariables();
        }

        List<Dynamics.ConditionalDerivedVariable> conditional() {
            return dyn == null ? List.of() : dyn.conditionalDerivedVariables();
        }

        List<String> requirements() {
            return type.requirements().stream().map(ComponentType.Requirement::name).filter(n -> !n.equals("t"))
                    .toList();
        }

        boolean isConstant(String name) {
            return component.values().containsKey(name)
                    || type.properties().stream().anyMatch(p -> p.name().equals(name));
        }

        boolean isState(String name) {
            return states().stream().anyMatch(s -> s.name().equals(name));
        }

        boolean isDerived(String name) {
            return derived().stream().anyMatch(d -> d.name().equals(name))
                    || conditional().stream().anyMatch(c -> c.name().equals(name));
        }

        boolean isRequirement(String name) {
            return requirements().contains(name);
        }

        /** The variable an exposure snapshot copies (an explicit {@code exposure=} wins, then a same name), or null. */
        String exposureSource(String exposure) {
            Map<String, String> sources = new HashMap<>();
            List<String[]> variables = new ArrayList<>();
            states().forEach(s -> variables.add(new String[] {s.name(), s.exposure()}));
            derived().forEach(d -> variables.add(new String[] {d.name(), d.exposure()}));
            conditional().forEach(c -> variables.add(new String[] {c.name(), c.exposure()}));
            for (String[] v : variables) {
                if (v[1] != null && type.hasExposure(v[1])) {
                    sources.put(v[1], v[0]);
                }
                if (type.hasExposure(v[0])) {
                    sources.putIfAbsent(v[0], v[0]);
                }
            }
            return sources.get(exposure);
        }

        /** A child by Child name, ChildInstance id or list-member id (jLEMS's findChild). */
        Node findChild(String step) {
            Node single = singles.get(step);
            if (single != null) {
                return single;
            }
            for (Node s : singles.values()) {
                if (step.equals(s.component.id())) {
                    return s;
                }
            }
            for (List<Node> members : groups.values()) {
                for (Node member : members) {
                    if (step.equals(member.component.id())) {
                        return member;
                    }
                }
            }
            return null;
        }
    }

    /** What a name read from an instance is. */
    enum Kind {
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

    /** A resolved read: which instance holds it, under which variable name, and what it is. */
    record Slot(Node node, String name, Kind kind, boolean viaExposure) {
    }

    private final LemsModel model;
    private final Node root;
    private final List<Node> nodes = new ArrayList<>();

    private ComponentTree(LemsModel model, Component cell, List<Component> holders) {
        this.model = model;
        Node above = null;
        for (int i = holders.size() - 1; i >= 0; i--) {
            above = new Node(holders.get(i), above, holders.get(i).id(), true);
        }
        root = new Node(cell, above, "", false);
        build(root);
        assignPrefixes();
    }

    /**
     * The tree of {@code cell}; {@code holders} are the components that hold it, nearest first (population,
     * network), read only for their values.
     */
    static ComponentTree of(LemsModel model, Component cell, List<Component> holders) {
        return new ComponentTree(model, cell, holders);
    }

    Node root() {
        return root;
    }

    /** Every instance below the cell, parents before children, in document order. */
    List<Node> descendants() {
        return List.copyOf(nodes);
    }

    boolean hasDescendants() {
        return !nodes.isEmpty();
    }

    private void build(Node node) {
        ComponentType type = node.type;
        for (Component child : node.component.children()) {
            if (child.role() != null && type.child(child.role()).isPresent()) {
                if (!node.singles.containsKey(child.role())) {
                    // recorders find a Child by its name or by its id; jLEMS's own paths use the id when there is one
                    String segment = child.id() != null ? child.id() : child.role();
                    add(node, new Node(child, node, segment, false), child.role(), null);
                }
            } else {
                String list = child.role() == null ? "" : child.role();
                String segment = child.id() != null ? child.id()
                        : list + "_" + node.groups.getOrDefault(list, List.of()).size();
                add(node, new Node(child, node, segment, false), null, list);
            }
        }
        for (Structure.Item item : type.structure().items()) {
            if (!(item instanceof Structure.ChildInstance childInstance)) {
                throw new BadInputException(node.location(), node.describe() + " builds "
                        + item.getClass().getSimpleName() + " instances in its Structure, which the import does not "
                        + "flatten (only ChildInstance)", "type " + type.name() + " at " + type.location());
            }
            String reference = childInstance.component();
            if (reference.contains("/")) {
                throw new BadInputException(node.location(), node.describe() + ": ChildInstance of '" + reference
                        + "' is not imported (only a reference of the component itself)");
            }
            String id = node.component.textOrAttribute(reference).orElse(null);
            if (id == null) {
                throw new BadInputException(node.location(), node.describe() + " has no value for '" + reference
                        + "'", "set the attribute " + reference + "=\"componentId\"");
            }
            Component referenced = node.component.children().stream().filter(c -> id.equals(c.id())).findFirst()
                    .or(() -> model.component(id)).orElseThrow(() -> new BadInputException(node.location(),
                            node.describe() + " refers to component '" + id + "', which is not defined"));
            Node child = new Node(referenced, node, id, false);
            child.instantiated = true;
            add(node, child, reference, null);
        }
    }

    private void add(Node parent, Node child, String singleName, String list) {
        parent.children.add(child);
        if (singleName != null) {
            parent.singles.putIfAbsent(singleName, child);
        } else {
            parent.groups.computeIfAbsent(list, l -> new ArrayList<>()).add(child);
        }
        nodes.add(child);
        build(child);
    }

    /**
     * Readable prefixes: a child of the cell, a ChildInstance, and a component that instantiates one (a channel
     * population or density) start afresh when their name is unique in the tree and an identifier
     * ({@code naChans}, {@code na}); others extend their parent's ({@code na_m_forwardRate}).
     */
    private void assignPrefixes() {
        Map<String, Integer> segments = new HashMap<>();
        for (Node n : nodes) {
            segments.merge(n.segment, 1, Integer::sum);
        }
        for (Node n : nodes) {
            String own = SafeId.of(n.segment);
            boolean instantiates = n.type.structure().items().stream()
                    .anyMatch(Structure.ChildInstance.class::isInstance);
            boolean named = own.equals(n.segment) && segments.get(n.segment) == 1;
            if (n.parent.isRoot() || (named && (n.instantiated || instantiates))) {
                n.prefix = own;
            } else {
                n.prefix = n.parent.prefix + "_" + own;
            }
        }
    }

    /** jLEMS's lookup from {@code from}: its exposures, then its variables, then its parent's lookup. */
    Optional<Slot> lookup(Node from, String name) {
        for (Node at = from; at != null; at = at.parent) {
            Optional<Slot> own = own(at, name);
            if (own.isPresent()) {
                return own;
            }
        }
        return Optional.empty();
    }

    /** The name on {@code node} itself (exposure first, then variable), without climbing. */
    Optional<Slot> own(Node node, String name) {
        if (node.type.hasExposure(name)) {
            String source = node.exposureSource(name);
            if (source == null) {
                return Optional.of(new Slot(node, name, Kind.ZERO, true));
            }
            return Optional.of(new Slot(node, source, node.isState(source) ? Kind.STATE : Kind.DERIVED, true));
        }
        if (node.isConstant(name)) {
            return Optional.of(new Slot(node, name, Kind.CONSTANT, false));
        }
        if (node.isRequirement(name)) {
            return Optional.of(new Slot(node, name, Kind.REQUIREMENT, false));
        }
        if (node.isState(name)) {
            return Optional.of(new Slot(node, name, Kind.STATE, false));
        }
        if (node.isDerived(name)) {
            return Optional.of(new Slot(node, name, Kind.DERIVED, false));
        }
        return Optional.empty();
    }

    /** A select path's targets in jLEMS's order, or empty when a plain step finds no child. */
    Optional<List<Slot>> select(Node from, String path, String what, SourceLocation where) {
        String[] steps = path.split("/");
        List<Node> current = List.of(from);
        for (int s = 0; s < steps.length - 1; s++) {
            String step = steps[s];
            if (step.equals("..") || step.isEmpty()) {
                throw new BadInputException(where, what + " selects '" + path + "', which leaves the instance; "
                        + "only paths into its children are imported");
            }
            List<Node> next = new ArrayList<>();
            int bracket = step.indexOf('[');
            for (Node at : current) {
                if (bracket < 0) {
                    Node child = at.findChild(step);
                    if (child != null) {
                        next.add(child);
                    }
                    continue;
                }
                String listName = step.substring(0, bracket);
                String filter = step.substring(bracket + 1, step.length() - 1).trim();
                List<Node> members = at.groups.get(listName);
                if (members == null) {
                    Node single = at.singles.get(listName);
                    members = single == null ? List.of() : List.of(single);
                }
                for (Node member : members) {
                    if (filter.equals("*") || member.component.matchesFilter(filter)) {
                        next.add(member);
                    }
                }
            }
            if (next.isEmpty() && bracket < 0) {
                return Optional.empty();
            }
            current = next;
        }
        String variable = steps[steps.length - 1];
        List<Slot> slots = new ArrayList<>();
        for (Node target : current) {
            Optional<Slot> slot = own(target, variable);
            if (slot.isEmpty()) {
                throw new BadInputException(where, what + " selects '" + path + "', but " + target.describe()
                        + " has no '" + variable + "' of its own; reading it from further up is not imported");
            }
            slots.add(slot.get());
        }
        return Optional.of(slots);
    }

    /** Whether the first step of {@code path} names one of the node's Attachments sets. */
    static boolean startsAtAttachments(Node node, String path) {
        String first = path.split("/")[0];
        int bracket = first.indexOf('[');
        String name = bracket < 0 ? first : first.substring(0, bracket);
        return node.type.attachments().stream().anyMatch(a -> a.name().equals(name));
    }
}
