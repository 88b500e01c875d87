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
import org.lemsbridge.lems.ExprInterpreter;
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
    private final Map<Component, Kind> kinds = new IdentityHashMap<>();
    /** Components whose jLEMS state type gets a consolidated copy (reachable from the root, see §3.3). */
    private final Set<Component> consolidated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    TreeBuilder(LemsModel model, Engine engine) {
        this.model = model;
        this.engine = engine;
    }

    /** The kinds built so far, one per component. */
    List<Kind> kinds() {
        return List.copyOf(kinds.values());
    }

    Instance build(Component root) {
        markConsolidated(root, null);
        Instance instance = create(root, null, root.id(), true);
        connectAll(instance);
        bindAll(instance);
        markRk4Groups(instance);
        return instance;
    }

    private Kind kind(Component component) {
        return kinds.computeIfAbsent(component, c -> new Kind(c, model, engine.random));
    }

    private Instance create(Component component, Instance parent, String name, boolean doubledOnStart) {
        Instance instance = new Instance(kind(component), parent, engine, component.id(), name);
        instance.doubledOnStart = doubledOnStart;
        ComponentType type = component.type();
        // jLEMS order: <Child> members in HashMap order of their names, then <Children> lists by first
        // appearance, then attachment sets in HashMap order of their names, then what builders add
        Map<String, Component> namedChildren = new HashMap<>();
        List<String> childNames = new ArrayList<>();
        for (Component child : component.children()) {
            if (child.role() != null && type.child(child.role()).isPresent()) {
                if (namedChildren.putIfAbsent(child.role(), child) == null) {
                    childNames.add(child.role());
                }
            }
        }
        for (String childName : JavaHashOrder.of(childNames)) {
            instance.addSingle(childName, create(namedChildren.get(childName), instance, childName, doubledOnStart));
        }
        for (Component child : component.children()) {
            if (child.role() == null || type.child(child.role()).isEmpty()) {
                String list = child.role() == null ? "" : child.role();
                instance.addToGroup(list, create(child, instance, child.id(), false));
            }
        }
        for (String set : JavaHashOrder.of(type.attachments().stream().map(ComponentType.AttachmentsDecl::name)
                .toList())) {
            instance.groups.putIfAbsent(set, new ArrayList<>());
        }
        for (Structure.Item item : type.structure().items()) {
            if (item instanceof Structure.ChildInstance childInstance) {
                Component referenced = reference(component, instance, childInstance.component(), item.location());
                String childName = lastStep(childInstance.component());
                Instance child = create(referenced, instance, childName, consolidated.contains(component));
                instance.addSingle(childName, child);
            } else if (item instanceof Structure.MultiInstantiate multi) {
                Component referenced = reference(component, instance, multi.component(), item.location());
                Double number = component.values().get(multi.number());
                if (number == null) {
                    throw new BadInputException(component.location(), component.describe() + " needs '"
                            + multi.number() + "' for MultiInstantiate");
                }
                long count = Math.round(number);
                instance.multiGroup = MULTI;
                instance.groups.computeIfAbsent(MULTI, g -> new ArrayList<>());
                for (int i = 0; i < count; i++) {
                    Instance member = create(referenced, instance, String.valueOf(i), consolidated.contains(component));
                    member.vars[member.kind.indexSlot] = i;
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
            owner = at.kind.component;
            name = name.substring(3);
        }
        String id = owner.texts().get(name);
        if (id == null) {
            id = owner.attributes().get(name);
        }
        for (Instance up = at == null ? null : at.parent; id == null && up != null; up = up.parent) {
            // a connection inside a projection names the projection's synapse
            owner = up.kind.component;
            id = owner.texts().getOrDefault(name, owner.attributes().get(name));
        }
        if (id == null) {
            throw new BadInputException(holder.location(), holder.describe() + " has no value for '" + name + "'",
                    "set the attribute " + name + "=\"componentId\"");
        }
        for (Component child : owner.children()) {
            if (id.equals(child.id())) {
                return child;
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
            runConnections(instance, instance.kind.component.type().structure().items(), new HashMap<>());
        }
        List<Instance> children = new ArrayList<>(instance.singles);
        for (List<Instance> members : new ArrayList<>(instance.groups.values())) {
            children.addAll(new ArrayList<>(members));
        }
        for (Instance child : children) {
            connectAll(child);
        }
    }

    private void runConnections(Instance holder, List<Structure.Item> items, Map<String, Instance> bound) {
        Component component = holder.kind.component;
        for (Structure.Item item : items) {
            if (item instanceof Structure.With with) {
                bound.put(with.as(), with(holder, with));
            } else if (item instanceof Structure.EventConnection connection) {
                eventConnection(holder, connection, bound);
            } else if (item instanceof Structure.ForEach forEach) {
                for (Instance member : forEachMembers(holder, forEach)) {
                    Map<String, Instance> inner = new HashMap<>(bound);
                    inner.put(forEach.as(), member);
                    runConnections(holder, forEach.items(), inner);
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
        Instance found = resolvePath(owner.parent == null ? owner : owner.parent, path, forEach.location());
        List<Instance> members = found.multiMembers();
        return members == null ? List.of(found) : members;
    }

    private Instance with(Instance holder, Structure.With with) {
        Component component = holder.kind.component;
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
                return resolvePath(holder, path.substring(2), with.location());
            }
            return resolvePath(base, path, with.location());
        }
        Instance listOwner = ownerOf(holder, with.list());
        Instance list = resolvePath(listOwner.parent == null ? listOwner : listOwner.parent,
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
            Component component = at.kind.component;
            if (component.texts().containsKey(attribute) || component.attributes().containsKey(attribute)) {
                return at;
            }
        }
        return holder;
    }

    /** An attribute of the holder, else of the nearest enclosing component that has it (jLEMS looks upwards). */
    private static String text(Instance holder, String attribute, SourceLocation where) {
        for (Instance at = holder; at != null; at = at.parent) {
            Component component = at.kind.component;
            String value = component.texts().getOrDefault(attribute, component.attributes().get(attribute));
            if (value != null) {
                return value;
            }
        }
        Component component = holder.kind.component;
        throw new BadInputException(component.location(), component.describe() + " needs the attribute '"
                + attribute + "'");
    }

    /** Creates an instance of {@code component} in an attachment set of {@code target}, with Assigns applied. */
    private Instance attachNew(Instance holder, Component component, Instance target, String container,
            List<Structure.Assign> assigns, SourceLocation where) {
        Component holderComponent = holder.kind.component;
        Instance created = create(component, target, component.id(), consolidated.contains(holderComponent));
        for (Structure.Assign assign : assigns) {
            double value = ExprInterpreter.evaluate(assign.value(), name -> {
                Double v = holderComponent.values().get(name);
                if (v != null) {
                    return v;
                }
                int slot = holder.kind.slotOf(name);
                return slot >= 0 ? holder.vars[slot] : Double.NaN;
            });
            int slot = created.kind.slotOf(assign.property());
            if (slot < 0) {
                throw new BadInputException(assign.location(), "Assign: " + component.describe()
                        + " has no property '" + assign.property() + "'");
            }
            created.vars[slot] = value;
        }
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

    private void eventConnection(Instance holder, Structure.EventConnection ec, Map<String, Instance> bound) {
        Component component = holder.kind.component;
        Instance source = bound.get(ec.from());
        Instance target = bound.get(ec.to());
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
        source.connect(outPort, new Connection(() -> wiredTo.receive(port), delay));
    }

    /**
     * A Tunnel creates one instance of componentA attached to endA and one of componentB attached to endB; each
     * reaches the other under the tunnel's name (e.g. {@code peer/v}).
     */
    private void tunnel(Instance holder, Structure.Tunnel tunnel, Map<String, Instance> bound) {
        Instance endA = bound.get(tunnel.endA());
        Instance endB = bound.get(tunnel.endB());
        if (endA == null || endB == null) {
            throw new BadInputException(tunnel.location(), "Tunnel: '" + (endA == null ? tunnel.endA() : tunnel.endB())
                    + "' is not bound by a With");
        }
        Component holderComponent = holder.kind.component;
        Instance a = attachNew(holder, reference(holderComponent, holder, tunnel.componentA(), tunnel.location()),
                endA, null, tunnel.assigns(), tunnel.location());
        Instance b = attachNew(holder, reference(holderComponent, holder, tunnel.componentB(), tunnel.location()),
                endB, null, tunnel.assigns(), tunnel.location());
        a.tunnels.put(tunnel.name(), b);
        b.tunnels.put(tunnel.name(), a);
    }

    // ---- paths ----

    /** Resolves an instance path such as {@code pop[0]}, {@code ../pop/0/cell} or {@code pop[0]/i0}. */
    static Instance resolvePath(Instance base, String path, SourceLocation where) {
        Instance current = base;
        for (String step : path.replace("[", "/[").split("/")) {
            if (step.isEmpty() || step.equals(".")) {
                continue;
            }
            if (step.equals("..")) {
                current = current.parent;
            } else if (step.startsWith("[") && step.endsWith("]")) {
                List<Instance> members = current.multiMembers();
                int index;
                try {
                    index = Integer.parseInt(step.substring(1, step.length() - 1).trim());
                } catch (NumberFormatException e) {
                    throw new BadInputException(where, "bad index " + step + " in path '" + path + "'");
                }
                if (members == null || index < 0 || index >= members.size()) {
                    throw new BadInputException(where, "path '" + path + "': " + current.path() + " has no member "
                            + step);
                }
                current = members.get(index);
            } else if (step.indexOf(':') > 0) {
                current = attachmentByPath(current, step, path, where);
            } else {
                Instance next = current.findChild(step);
                if (next == null && step.equals(current.id)) {
                    next = current;
                }
                if (next == null) {
                    throw new BadInputException(where, "path '" + path + "': no '" + step + "' in " + current.path());
                }
                current = next;
            }
            if (current == null) {
                throw new BadInputException(where, "path '" + path + "' goes above the root");
            }
        }
        return current;
    }

    /** jLEMS's {@code set:componentId:n}: the n-th member of attachment set {@code set} made from that component. */
    private static Instance attachmentByPath(Instance at, String step, String path, SourceLocation where) {
        String[] parts = step.split(":");
        List<Instance> members = at.groups.get(parts[0]);
        if (members != null && parts.length == 3) {
            int wanted;
            try {
                wanted = Integer.parseInt(parts[2].trim());
            } catch (NumberFormatException e) {
                throw new BadInputException(where, "bad index in '" + step + "' of path '" + path + "'");
            }
            int seen = 0;
            for (Instance member : members) {
                if (parts[1].equals(member.id) && seen++ == wanted) {
                    return member;
                }
            }
        }
        throw new BadInputException(where, "path '" + path + "': no '" + step + "' in " + at.path());
    }

    // ---- phase 3: bindings ----

    private void bindAll(Instance instance) {
        Kind kind = instance.kind;
        Ref[] requirements = new Ref[kind.requirementNames.length];
        for (int i = 0; i < requirements.length; i++) {
            Ref ref = instance.parent == null ? null : instance.parent.lookup(kind.requirementNames[i]);
            if (ref == null) {
                throw new BadInputException(kind.component.location(), instance.path() + " requires '"
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
                    throw new BadInputException(kind.component.location(), instance.path() + ": select '"
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

    private static void markRk4Groups(Instance instance) {
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
            write[i] = new Ref(node.vars, slot, node.path() + "/" + ks.stateVariable());
            node.vars[slot] = i == 0 ? 1.0 : 0.0;
        }
        return new KineticSchemeRun(table, forward, reverse, read, write);
    }

    private static int stateIndex(List<Instance> nodes, Instance edge, String attribute,
            org.lemsbridge.lems.Dynamics.KineticScheme ks) {
        String id = edge.kind.component.texts().getOrDefault(attribute, edge.kind.component.attributes().get(attribute));
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
        Component component = member.kind.component;
        String actual = component.texts().get(attribute);
        if (actual == null) {
            actual = component.attributes().get(attribute);
        }
        return value.equals(actual);
    }
}
