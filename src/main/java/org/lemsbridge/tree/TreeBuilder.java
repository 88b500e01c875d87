package org.lemsbridge.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.AttributePlaces;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.Structure;

/**
 * Builds the instance tree of a target component (lems-semantics §1, §5): nested components, ChildInstance and
 * MultiInstantiate first, then With/EventConnection/ForEach/Tunnel in tree order, then binds requirements, selects
 * and kinetic schemes ({@link Binder}).
 */
public final class TreeBuilder {

    private final LemsModel model;
    private final Random random;
    private final InstanceTree tree = new InstanceTree();
    /** One Kind per distinct type and values (see {@link Kind#sameKind}), in the order they were first built. */
    private final Map<KindKey, Kind> kinds = new java.util.LinkedHashMap<>();
    private Component lastComponent;
    private Kind lastKind;
    /** Components whose jLEMS state type gets a consolidated copy (reachable from the root, see §3.3). */
    private final Set<Component> consolidated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Structure.MultiInstantiate, Component> blankMembers = new IdentityHashMap<>();

    /** {@code random}: the run's generator, which compiled {@code random()} calls draw from. */
    public TreeBuilder(LemsModel model, Random random) {
        this.model = model;
        this.random = random;
    }

    /** The tree of {@code root}, built and bound; a builder builds one tree. */
    public InstanceTree build(Component root) {
        if (tree.root() != null) {
            throw new IllegalStateException("a TreeBuilder builds one tree");
        }
        markConsolidated(root, null);
        Node node = create(root, null, Node.Role.ROOT, root.id(), true);
        tree.root(node);
        connectAll(node);
        Binder.bindAll(node);
        Binder.bindRk4Groups(node);
        return tree;
    }

    /** A component as a key of the Kind it compiles to: equal when {@link Kind#sameKind} says so. */
    private static final class KindKey {
        private final Component component;
        private final int hash;

        KindKey(Component component) {
            this.component = component;
            int h = System.identityHashCode(component.type());
            for (Map.Entry<String, Double> value : component.values().entrySet()) {
                h = 31 * h + value.hashCode();
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KindKey key && Kind.sameKind(component, key.component);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * The Kind of a component, shared with every earlier component of the same type and values; compile errors
     * are raised (naming the component) by the first such component, as when each had its own.
     */
    private Kind kind(Component component) {
        if (component != lastComponent) {
            Kind kind = kinds.get(new KindKey(component));
            if (kind == null) {
                kind = new Kind(component, model, random);
                kinds.put(new KindKey(component), kind);
            }
            lastComponent = component;
            lastKind = kind;
        }
        return lastKind;
    }

    private Node create(Component component, Node parent, Node.Role role, String name, boolean doubledOnStart) {
        Kind kind = kind(component);
        Node instance = new Node(tree, kind, component, parent, role, name, doubledOnStart);
        ComponentType type = component.type();
        // jLEMS order: <Child> members in HashMap order of their names, then <Children> lists by first
        // appearance, then attachment sets in HashMap order of their names, then what builders add
        if (!component.children().isEmpty()) {
            Map<String, Component> namedChildren = new HashMap<>();
            List<String> childNames = new ArrayList<>();
            for (Component child : component.children()) {
                if (child.role() != null && type.child(child.role()).isPresent()) {
                    if (namedChildren.putIfAbsent(child.role(), child) == null) {
                        childNames.add(child.role());
                    }
                }
            }
            if (!childNames.isEmpty()) {
                for (String childName : JavaHashOrder.of(childNames)) {
                    instance.addSingle(create(namedChildren.get(childName), instance, Node.Role.CHILD, childName,
                            doubledOnStart));
                }
            }
            for (Component child : component.children()) {
                if (child.role() == null || type.child(child.role()).isEmpty()) {
                    String list = child.role() == null ? "" : child.role();
                    instance.addToGroup(list, create(child, instance, Node.Role.LIST_MEMBER, child.id(), false));
                }
            }
        }
        for (String set : kind.attachmentOrder) {
            instance.ensureGroup(set);
        }
        List<Structure.Item> items = type.structure().items();
        for (int k = 0; k < items.size(); k++) {
            Structure.Item item = items.get(k);
            if (item instanceof Structure.ChildInstance childInstance) {
                Component referenced = reference(component, instance, childInstance.component(), item.location());
                String childName = lastStep(childInstance.component());
                Node child = create(referenced, instance, Node.Role.CHILD_INSTANCE, childName,
                        consolidated.contains(component));
                instance.addSingle(child);
            } else if (item instanceof Structure.MultiInstantiate multi) {
                Component referenced = multi.componentType() != null ? blankMember(multi)
                        : reference(component, instance, multi.component(), item.location());
                Double number = component.values().get(multi.number());
                if (number == null) {
                    throw new BadInputException(component.location(), component.describe() + " needs '"
                            + multi.number() + "' for MultiInstantiate");
                }
                long count = Math.round(number);
                instance.multiGroup();
                instance.ensureGroup(Node.MULTI_GROUP);
                for (int i = 0; i < count; i++) {
                    Node member = create(referenced, instance, Node.Role.MULTI_MEMBER, String.valueOf(i),
                            consolidated.contains(component));
                    member.vars()[member.kind().indexSlot] = i;
                    applyAssigns(instance, member, multi.assigns(), true);
                    instance.addToGroup(Node.MULTI_GROUP, member);
                }
            }
        }
        return instance;
    }

    /**
     * jLEMS consolidates the root's state type and, from each consolidated one, those of its Child and Children
     * members and of the components its builders (ChildInstance, MultiInstantiate, EventConnection receiver)
     * create; builders are shared with the original type.
     */
    private void markConsolidated(Component component, Component parent) {
        if (!consolidated.add(component)) {
            return;
        }
        List<Component> children = component.children();
        for (int i = 0; i < children.size(); i++) {
            markConsolidated(children.get(i), component);
        }
        markBuilt(component, parent, component.type().structure().items());
    }

    private void markBuilt(Component component, Component parent, List<Structure.Item> items) {
        for (int i = 0; i < items.size(); i++) {
            Structure.Item item = items.get(i);
            String reference = null;
            if (item instanceof Structure.ChildInstance childInstance) {
                reference = childInstance.component();
            } else if (item instanceof Structure.MultiInstantiate multi) {
                if (multi.componentType() != null) {
                    markConsolidated(blankMember(multi), component);
                }
                reference = multi.component();
            } else if (item instanceof Structure.EventConnection connection) {
                reference = connection.receiver();
            } else if (item instanceof Structure.ForEach forEach) {
                markBuilt(component, parent, forEach.items());
            }
            if (reference != null) {
                Component owner = reference.startsWith("../") ? parent : component;
                String id = owner == null ? null : owner.texts().get(lastStep(reference));
                Component built = id == null ? null : model.component(id).orElse(null);
                if (built != null) {
                    markConsolidated(built, component);
                }
            }
        }
    }

    /** The one value-less component of a {@code MultiInstantiate componentType=...} that all its members share. */
    private Component blankMember(Structure.MultiInstantiate multi) {
        return blankMembers.computeIfAbsent(multi, m -> {
            ComponentType type = model.type(m.componentType()).orElseThrow(() -> new BadInputException(m.location(),
                    "MultiInstantiate componentType '" + m.componentType() + "' is not a known ComponentType"));
            return model.blankComponent(type, m.location());
        });
    }

    private static String lastStep(String reference) {
        int slash = reference.lastIndexOf('/');
        return slash < 0 ? reference : reference.substring(slash + 1);
    }

    /** The component named by a ComponentReference attribute ({@code name} or {@code ../name}). */
    private Component reference(Component holder, Node holderNode, String attribute, SourceLocation where) {
        Component owner = holder;
        Node at = holderNode;
        String name = attribute;
        while (name.startsWith("../")) {
            at = at.parent();
            if (at == null) {
                throw new BadInputException(holder.location(), "'" + attribute + "' goes above the root");
            }
            owner = at.component();
            name = name.substring(3);
        }
        String id = owner.textOrAttributeOrNull(name);
        for (Node up = at == null ? null : at.parent(); id == null && up != null; up = up.parent()) {
            // a connection inside a projection names the projection's synapse
            owner = up.component();
            id = owner.textOrAttributeOrNull(name);
        }
        if (id == null) {
            Component missing = declarer(at, name, holder);
            throw new BadInputException(missing.location(), missing.describe() + " has no value for '" + name + "'",
                    "set the attribute " + name + "=\"componentId\"");
        }
        List<Component> children = owner.children();
        for (int i = 0; i < children.size(); i++) {
            if (id.equals(children.get(i).id())) {
                return children.get(i);
            }
        }
        Component found = model.component(id).orElse(null);
        if (found == null) {
            BadInputException undefined = new BadInputException(holder.location(), "component '" + id + "' (named by "
                    + name + " of " + holder.describe() + ") is not defined");
            throw owner == holder ? AttributePlaces.atAttribute(undefined, name) : undefined;
        }
        return found;
    }

    // ---- phase 2: connections ----

    private void connectAll(Node instance) {
        if (!instance.connected) {
            instance.connected = true;
            List<Structure.Item> items = instance.kind().type.structure().items();
            if (!items.isEmpty()) {
                runConnections(instance, items, null);
            }
        }
        // the children as they are now: connecting them may attach more instances, which connect themselves
        List<Node> children = instance.children();
        for (int i = 0; i < children.size(); i++) {
            connectAll(children.get(i));
        }
    }

    /** The names With and ForEach have bound so far, the latest first (a later binding hides an earlier one). */
    private record Bound(String name, Node instance, Bound earlier) {
        static Node get(Bound bound, String name) {
            for (Bound b = bound; b != null; b = b.earlier) {
                if (java.util.Objects.equals(b.name, name)) {
                    return b.instance;
                }
            }
            return null;
        }
    }

    /** Runs the items in order; a ForEach runs its items once per member, with what is bound here and its name. */
    private void runConnections(Node holder, List<Structure.Item> items, Bound bound) {
        for (int i = 0; i < items.size(); i++) {
            Structure.Item item = items.get(i);
            if (item instanceof Structure.With with) {
                bound = new Bound(with.as(), with(holder, with), bound);
            } else if (item instanceof Structure.EventConnection connection) {
                eventConnection(holder, connection, bound);
            } else if (item instanceof Structure.ForEach forEach) {
                for (Node member : forEachMembers(holder, forEach)) {
                    runConnections(holder, forEach.items(), new Bound(forEach.as(), member, bound));
                }
            } else if (item instanceof Structure.Tunnel tunnel) {
                tunnel(holder, tunnel, bound);
            }
        }
    }

    /**
     * ForEach {@code instances} names a Path/Link attribute, possibly of an ancestor ({@code ../source}); its value
     * is resolved from the parent of the component that holds it. A list (population) gives its members.
     */
    private static List<Node> forEachMembers(Node holder, Structure.ForEach forEach) {
        Node owner = holder;
        String attribute = forEach.instances();
        while (attribute.startsWith("../")) {
            owner = owner.parent();
            if (owner == null) {
                throw new BadInputException(forEach.location(), "'" + forEach.instances() + "' goes above the root");
            }
            attribute = attribute.substring(3);
        }
        String path = text(owner, attribute, forEach.location());
        // a path that does not resolve is the value's fault: reported at the component that gives it
        Node found = InstancePaths.resolveAttribute(owner.parent() == null ? owner : owner.parent(), path,
                owner.component().location(), attribute);
        List<Node> members = found.multiMembers();
        return members == null ? List.of(found) : members;
    }

    private Node with(Node holder, Structure.With with) {
        Component component = holder.component();
        Node base = holder.parent() == null ? holder : holder.parent();
        if (with.instance() != null) {
            if (with.instance().equals("this")) {
                return holder;
            }
            if (with.instance().equals("parent")) {
                return holder.parent();
            }
            String path = text(holder, with.instance(), with.location());
            // a path that finds nothing is reported at the component that gives it (the holder or an ancestor)
            SourceLocation given = ownerOf(holder, with.instance()).component().location();
            String attribute = lastStep(with.instance());
            if (path.startsWith("./")) {
                return InstancePaths.resolveAttribute(holder, path.substring(2), given, attribute);
            }
            return InstancePaths.resolveAttribute(base, path, given, attribute);
        }
        Node listOwner = ownerOf(holder, with.list());
        Node list = InstancePaths.resolveAttribute(listOwner.parent() == null ? listOwner : listOwner.parent(),
                text(holder, with.list(), with.location()), listOwner.component().location(), lastStep(with.list()));
        double index;
        try {
            index = Double.parseDouble(text(holder, with.index(), with.location()).trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(component.location(), "With: index " + with.index() + " is not a number");
        }
        List<Node> members = list.multiMembers();
        if (members == null || Double.isNaN(index) || index < 0 || index >= members.size()) {
            throw new BadInputException(component.location(), "With: no member " + with.index() + " = " + index
                    + " in " + list.path());
        }
        return members.get((int) index);
    }

    /** The holder, or the nearest enclosing instance whose component has the attribute. */
    private static Node ownerOf(Node holder, String attribute) {
        for (Node at = holder; at != null; at = at.parent()) {
            Component component = at.component();
            if (component.textOrAttributeOrNull(attribute) != null) {
                return at;
            }
        }
        return holder;
    }

    /** An attribute of the holder, else of the nearest enclosing component that has it (jLEMS looks upwards). */
    private static String text(Node holder, String attribute, SourceLocation where) {
        for (Node at = holder; at != null; at = at.parent()) {
            Component component = at.component();
            String value = component.textOrAttributeOrNull(attribute);
            if (value != null) {
                return value;
            }
        }
        Component component = declarer(holder, attribute, holder.component());
        throw new BadInputException(component.location(), component.describe() + " needs the attribute '"
                + attribute + "'");
    }

    /**
     * The component an attribute left out belongs on: the nearest, from {@code from} up, whose type declares it
     * (a connection takes its synapse from the projection, which is where it is missing), else {@code fallback}.
     */
    private static Component declarer(Node from, String attribute, Component fallback) {
        for (Node at = from; at != null; at = at.parent()) {
            ComponentType type = at.component().type();
            if (type.texts().contains(attribute) || type.paths().contains(attribute)
                    || type.componentReferences().stream().anyMatch(r -> r.name().equals(attribute))
                    || type.links().stream().anyMatch(l -> l.name().equals(attribute))) {
                return at.component();
            }
        }
        return fallback;
    }

    /** Creates an instance of {@code component} in an attachment set of {@code target}, with Assigns applied. */
    private Node attachNew(Node holder, Component component, Node target, String container,
            List<Structure.Assign> assigns, SourceLocation where) {
        Component holderComponent = holder.component();
        Node created = create(component, target, Node.Role.ATTACHMENT, component.id(),
                consolidated.contains(holderComponent));
        applyAssigns(holder, created, assigns, false);
        String group = container;
        if (group == null) {
            List<ComponentType.AttachmentsDecl> sets = target.kind().type.attachments();
            if (sets.isEmpty()) {
                throw new BadInputException(where, target.path() + " has no Attachments for " + component.describe());
            }
            group = sets.get(0).name();
        }
        target.addToGroup(group, created);
        connectAll(created);
        return created;
    }

    /**
     * Sets each Assign'd property of {@code created}, evaluated over the holder's values and variables; a
     * MultiInstantiate member's own variables (its {@code index} among them) come first, as jLEMS looks them up.
     */
    private static void applyAssigns(Node holder, Node created, List<Structure.Assign> assigns,
            boolean createdFirst) {
        if (assigns.isEmpty()) {
            return;
        }
        Component holderComponent = holder.component();
        for (Structure.Assign assign : assigns) {
            double value = Evaluator.evaluate(assign.value(), name -> {
                int own = createdFirst ? created.kind().slotOf(name) : -1;
                if (own >= 0) {
                    return created.vars()[own];
                }
                Double v = holderComponent.values().get(name);
                if (v != null) {
                    return v;
                }
                int slot = holder.kind().slotOf(name);
                return slot >= 0 ? holder.vars()[slot] : Double.NaN;
            });
            int slot = created.kind().slotOf(assign.property());
            if (slot < 0) {
                throw new BadInputException(holderComponent.location(), "Assign: " + created.component().describe()
                        + " has no property '" + assign.property() + "'");
            }
            created.vars()[slot] = value;
        }
    }

    private void eventConnection(Node holder, Structure.EventConnection ec, Bound bound) {
        Component component = holder.component();
        Node source = Bound.get(bound, ec.from());
        Node target = Bound.get(bound, ec.to());
        if (source == null || target == null) {
            throw new BadInputException(ec.location(), "EventConnection: '" + (source == null ? ec.from() : ec.to())
                    + "' is not bound by a With");
        }
        Node receiver = target;
        if (ec.receiver() != null) {
            Component receiverComponent = reference(component, holder, ec.receiver(), ec.location());
            String container = ec.receiverContainer() == null ? null : component.texts().get(ec.receiverContainer());
            receiver = attachNew(holder, receiverComponent, target, container, ec.assigns(), ec.location());
        }
        String sourcePort = ec.sourcePort() == null ? null : component.texts().get(ec.sourcePort());
        String targetPort = ec.targetPort() == null ? null : component.texts().get(ec.targetPort());
        int outPort = sourcePort != null ? source.kind().outPortIndex(sourcePort) : source.kind().outPorts.isEmpty() ? -1 : 0;
        if (outPort < 0) {
            if (sourcePort != null) {
                throw new BadInputException(component.location(), source.path() + " has no out port '" + sourcePort
                        + "'");
            }
            return; // the source never emits: nothing to wire
        }
        String inPort = targetPort != null ? targetPort : receiver.kind().inPorts.isEmpty() ? null
                : receiver.kind().inPorts.get(0);
        double delay = ec.delay() == null ? 0.0 : component.values().getOrDefault(ec.delay(), 0.0);
        Node wiredTo = receiver;
        String port = inPort;
        source.connect(outPort, new Connection(new PortReceiver(wiredTo, port), delay));
    }

    /**
     * A Tunnel creates one instance of componentA attached to endA and one of componentB attached to endB; each
     * reaches the other under the tunnel's name (e.g. {@code peer/v}).
     */
    private void tunnel(Node holder, Structure.Tunnel tunnel, Bound bound) {
        Node endA = Bound.get(bound, tunnel.endA());
        Node endB = Bound.get(bound, tunnel.endB());
        if (endA == null || endB == null) {
            throw new BadInputException(tunnel.location(), "Tunnel: '" + (endA == null ? tunnel.endA() : tunnel.endB())
                    + "' is not bound by a With");
        }
        Component holderComponent = holder.component();
        Node a = attachNew(holder, reference(holderComponent, holder, tunnel.componentA(), tunnel.location()),
                endA, null, tunnel.assigns(), tunnel.location());
        Node b = attachNew(holder, reference(holderComponent, holder, tunnel.componentB(), tunnel.location()),
                endB, null, tunnel.assigns(), tunnel.location());
        a.addTunnel(tunnel.name(), b);
        b.addTunnel(tunnel.name(), a);
    }

}
