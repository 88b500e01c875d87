package org.lemsbridge.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.lems.Component;
import org.lemsbridge.lems.ComponentType;
import org.lemsbridge.expr.Evaluator;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.Structure;

/**
 * Builds the instance tree of a target component (lems-semantics §1, §5): nested components, ChildInstance and
 * MultiInstantiate first, then With/EventConnection/ForEach in tree order, then binds requirements and selects.
 */
final class TreeBuilder {

    private static final String MULTI = "\u0000multi";

    private final LemsModel model;
    private final Engine engine;
    /** One Kind per distinct type and values (see {@link Kind#sameKind}), in the order they were first built. */
    private final Map<KindKey, Kind> kinds = new java.util.LinkedHashMap<>();
    private Component lastComponent;
    private Kind lastKind;
    /** Components whose jLEMS state type gets a consolidated copy (reachable from the root, see §3.3). */
    private final Set<Component> consolidated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Structure.MultiInstantiate, Component> blankMembers = new IdentityHashMap<>();

    TreeBuilder(LemsModel model, Engine engine) {
        this.model = model;
        this.engine = engine;
    }

    /** The kinds built so far, one per distinct type and values. */
    List<Kind> kinds() {
        return List.copyOf(kinds.values());
    }

    Instance build(Component root) {
        markConsolidated(root, null);
        Instance instance = create(root, null, root.id(), true);
        connectAll(instance);
        Binder.bindAll(instance);
        Binder.markRk4Groups(instance);
        return instance;
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
                kind = new Kind(component, model, engine.random);
                kinds.put(new KindKey(component), kind);
            }
            lastComponent = component;
            lastKind = kind;
        }
        return lastKind;
    }

    private Instance create(Component component, Instance parent, String name, boolean doubledOnStart) {
        Kind kind = kind(component);
        Instance instance = new Instance(kind, component, parent, engine, name);
        instance.doubledOnStart = doubledOnStart;
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
                    instance.addSingle(create(namedChildren.get(childName), instance, childName, doubledOnStart));
                }
            }
            for (Component child : component.children()) {
                if (child.role() == null || type.child(child.role()).isEmpty()) {
                    String list = child.role() == null ? "" : child.role();
                    instance.addToGroup(list, create(child, instance, child.id(), false));
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
                Instance child = create(referenced, instance, childName, consolidated.contains(component));
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
                instance.multiGroup(MULTI);
                instance.ensureGroup(MULTI);
                for (int i = 0; i < count; i++) {
                    Instance member = create(referenced, instance, String.valueOf(i), consolidated.contains(component));
                    member.vars[member.kind.indexSlot] = i;
                    applyAssigns(instance, member, multi.assigns(), true);
                    instance.addToGroup(MULTI, member);
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
        for (Component child : component.children()) {
            markConsolidated(child, component);
        }
        markBuilt(component, parent, component.type().structure().items());
    }

    private void markBuilt(Component component, Component parent, List<Structure.Item> items) {
        for (Structure.Item item : items) {
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
    private Component reference(Component holder, Instance holderInstance, String attribute, SourceLocation where) {
        Component owner = holder;
        Instance at = holderInstance;
        String name = attribute;
        while (name.startsWith("../")) {
            at = at.parent;
            if (at == null) {
                throw new BadInputException(holder.location(), "'" + attribute + "' goes above the root");
            }
            owner = at.component;
            name = name.substring(3);
        }
        String id = owner.texts().get(name);
        if (id == null) {
            id = owner.attributes().get(name);
        }
        for (Instance up = at == null ? null : at.parent; id == null && up != null; up = up.parent) {
            // a connection inside a projection names the projection's synapse
            owner = up.component;
            id = owner.texts().getOrDefault(name, owner.attributes().get(name));
        }
        if (id == null) {
            throw new BadInputException(holder.location(), holder.describe() + " has no value for '" + name + "'",
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
            throw new BadInputException(holder.location(), "component '" + id + "' (named by " + name + " of "
                    + holder.describe() + ") is not defined");
        }
        return found;
    }

    // ---- phase 2: connections ----

    private void connectAll(Instance instance) {
        if (!instance.connected) {
            instance.connected = true;
            List<Structure.Item> items = instance.kind.type.structure().items();
            if (!items.isEmpty()) {
                runConnections(instance, items, null);
            }
        }
        // the children as they are now: connecting them may attach more instances, which connect themselves
        int count = instance.singles().size();
        int groups = instance.groupCount();
        for (int g = 0; g < groups; g++) {
            count += instance.groupAt(g).size();
        }
        if (count == 0) {
            return;
        }
        Instance[] children = new Instance[count];
        int at = 0;
        List<Instance> singleList = instance.singles();
        for (int i = 0; i < singleList.size(); i++) {
            Instance single = singleList.get(i);
            children[at++] = single;
        }
        for (int g = 0; g < groups; g++) {
            List<Instance> memberList = instance.groupAt(g);
            for (int m = 0; m < memberList.size(); m++) {
                Instance member = memberList.get(m);
                children[at++] = member;
            }
        }
        for (Instance child : children) {
            connectAll(child);
        }
    }

    /** The names With and ForEach have bound so far, the latest first (a later binding hides an earlier one). */
    private record Bound(String name, Instance instance, Bound earlier) {
        static Instance get(Bound bound, String name) {
            for (Bound b = bound; b != null; b = b.earlier) {
                if (java.util.Objects.equals(b.name, name)) {
                    return b.instance;
                }
            }
            return null;
        }
    }

    /** Runs the items in order; a ForEach runs its items once per member, with what is bound here and its name. */
    private void runConnections(Instance holder, List<Structure.Item> items, Bound bound) {
        for (int i = 0; i < items.size(); i++) {
            Structure.Item item = items.get(i);
            if (item instanceof Structure.With with) {
                bound = new Bound(with.as(), with(holder, with), bound);
            } else if (item instanceof Structure.EventConnection connection) {
                eventConnection(holder, connection, bound);
            } else if (item instanceof Structure.ForEach forEach) {
                for (Instance member : forEachMembers(holder, forEach)) {
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
    private static List<Instance> forEachMembers(Instance holder, Structure.ForEach forEach) {
        Instance owner = holder;
        String attribute = forEach.instances();
        while (attribute.startsWith("../")) {
            owner = owner.parent;
            if (owner == null) {
                throw new BadInputException(forEach.location(), "'" + forEach.instances() + "' goes above the root");
            }
            attribute = attribute.substring(3);
        }
        String path = text(owner, attribute, forEach.location());
        Instance found = InstancePaths.resolve(owner.parent == null ? owner : owner.parent, path, forEach.location());
        List<Instance> members = found.multiMembers();
        return members == null ? List.of(found) : members;
    }

    private Instance with(Instance holder, Structure.With with) {
        Component component = holder.component;
        Instance base = holder.parent == null ? holder : holder.parent;
        if (with.instance() != null) {
            if (with.instance().equals("this")) {
                return holder;
            }
            if (with.instance().equals("parent")) {
                return holder.parent;
            }
            String path = text(holder, with.instance(), with.location());
            if (path.startsWith("./")) {
                return InstancePaths.resolve(holder, path.substring(2), with.location());
            }
            return InstancePaths.resolve(base, path, with.location());
        }
        Instance listOwner = ownerOf(holder, with.list());
        Instance list = InstancePaths.resolve(listOwner.parent == null ? listOwner : listOwner.parent,
                text(holder, with.list(), with.location()), with.location());
        double index;
        try {
            index = Double.parseDouble(text(holder, with.index(), with.location()).trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(component.location(), "With: index " + with.index() + " is not a number");
        }
        List<Instance> members = list.multiMembers();
        if (members == null || Double.isNaN(index) || index < 0 || index >= members.size()) {
            throw new BadInputException(component.location(), "With: no member " + with.index() + " = " + index
                    + " in " + list.path());
        }
        return members.get((int) index);
    }

    /** The holder, or the nearest enclosing instance whose component has the attribute. */
    private static Instance ownerOf(Instance holder, String attribute) {
        for (Instance at = holder; at != null; at = at.parent) {
            Component component = at.component;
            if (component.texts().containsKey(attribute) || component.attributes().containsKey(attribute)) {
                return at;
            }
        }
        return holder;
    }

    /** An attribute of the holder, else of the nearest enclosing component that has it (jLEMS looks upwards). */
    private static String text(Instance holder, String attribute, SourceLocation where) {
        for (Instance at = holder; at != null; at = at.parent) {
            Component component = at.component;
            String value = component.texts().getOrDefault(attribute, component.attributes().get(attribute));
            if (value != null) {
                return value;
            }
        }
        Component component = holder.component;
        throw new BadInputException(component.location(), component.describe() + " needs the attribute '"
                + attribute + "'");
    }

    /** Creates an instance of {@code component} in an attachment set of {@code target}, with Assigns applied. */
    private Instance attachNew(Instance holder, Component component, Instance target, String container,
            List<Structure.Assign> assigns, SourceLocation where) {
        Component holderComponent = holder.component;
        Instance created = create(component, target, component.id(), consolidated.contains(holderComponent));
        applyAssigns(holder, created, assigns, false);
        String group = container;
        if (group == null) {
            List<ComponentType.AttachmentsDecl> sets = target.kind.type.attachments();
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
    private static void applyAssigns(Instance holder, Instance created, List<Structure.Assign> assigns,
            boolean createdFirst) {
        if (assigns.isEmpty()) {
            return;
        }
        Component holderComponent = holder.component;
        for (Structure.Assign assign : assigns) {
            double value = Evaluator.evaluate(assign.value(), name -> {
                int own = createdFirst ? created.kind.slotOf(name) : -1;
                if (own >= 0) {
                    return created.vars[own];
                }
                Double v = holderComponent.values().get(name);
                if (v != null) {
                    return v;
                }
                int slot = holder.kind.slotOf(name);
                return slot >= 0 ? holder.vars[slot] : Double.NaN;
            });
            int slot = created.kind.slotOf(assign.property());
            if (slot < 0) {
                throw new BadInputException(assign.location(), "Assign: " + created.component.describe()
                        + " has no property '" + assign.property() + "'");
            }
            created.vars[slot] = value;
        }
    }

    private void eventConnection(Instance holder, Structure.EventConnection ec, Bound bound) {
        Component component = holder.component;
        Instance source = Bound.get(bound, ec.from());
        Instance target = Bound.get(bound, ec.to());
        if (source == null || target == null) {
            throw new BadInputException(ec.location(), "EventConnection: '" + (source == null ? ec.from() : ec.to())
                    + "' is not bound by a With");
        }
        Instance receiver = target;
        if (ec.receiver() != null) {
            Component receiverComponent = reference(component, holder, ec.receiver(), ec.location());
            String container = ec.receiverContainer() == null ? null : component.texts().get(ec.receiverContainer());
            receiver = attachNew(holder, receiverComponent, target, container, ec.assigns(), ec.location());
        }
        String sourcePort = ec.sourcePort() == null ? null : component.texts().get(ec.sourcePort());
        String targetPort = ec.targetPort() == null ? null : component.texts().get(ec.targetPort());
        int outPort = sourcePort != null ? source.kind.outPortIndex(sourcePort) : source.kind.outPorts.isEmpty() ? -1 : 0;
        if (outPort < 0) {
            if (sourcePort != null) {
                throw new BadInputException(ec.location(), source.path() + " has no out port '" + sourcePort + "'");
            }
            return; // the source never emits: nothing to wire
        }
        String inPort = targetPort != null ? targetPort : receiver.kind.inPorts.isEmpty() ? null
                : receiver.kind.inPorts.get(0);
        double delay = ec.delay() == null ? 0.0 : component.values().getOrDefault(ec.delay(), 0.0);
        Instance wiredTo = receiver;
        String port = inPort;
        source.connect(outPort, new Connection(new PortReceiver(wiredTo, port), delay));
    }

    /**
     * A Tunnel creates one instance of componentA attached to endA and one of componentB attached to endB; each
     * reaches the other under the tunnel's name (e.g. {@code peer/v}).
     */
    private void tunnel(Instance holder, Structure.Tunnel tunnel, Bound bound) {
        Instance endA = Bound.get(bound, tunnel.endA());
        Instance endB = Bound.get(bound, tunnel.endB());
        if (endA == null || endB == null) {
            throw new BadInputException(tunnel.location(), "Tunnel: '" + (endA == null ? tunnel.endA() : tunnel.endB())
                    + "' is not bound by a With");
        }
        Component holderComponent = holder.component;
        Instance a = attachNew(holder, reference(holderComponent, holder, tunnel.componentA(), tunnel.location()),
                endA, null, tunnel.assigns(), tunnel.location());
        Instance b = attachNew(holder, reference(holderComponent, holder, tunnel.componentB(), tunnel.location()),
                endB, null, tunnel.assigns(), tunnel.location());
        a.addTunnel(tunnel.name(), b);
        b.addTunnel(tunnel.name(), a);
    }

}
