package org.lemsbridge.sim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.tree.Connection;
import org.lemsbridge.tree.EventTarget;
import org.lemsbridge.tree.InstanceTree;
import org.lemsbridge.tree.Node;
import org.lemsbridge.tree.PortReceiver;
import org.lemsbridge.tree.Read;
import org.lemsbridge.tree.Ref;
import org.lemsbridge.tree.SchemeBinding;

/**
 * Turns a built, bound and initialised {@link InstanceTree} into the {@link Instance}s the step loop runs: the same
 * variable arrays and bindings, wires whose in-port ends are runtime instances (recorders stay as they are), RK4
 * groups and kinetic schemes ready to advance, and the events initialisation sent with a delay queued on the engine.
 */
final class FrozenTree {

    private static final Connection[][] NO_PORTS = new Connection[0][];
    private static final Connection[] NO_CONNECTIONS = new Connection[0];

    private final Engine engine;
    /** Sized for the whole tree up front: growing it would leave each smaller table behind as garbage. */
    private final Map<Node, Instance> instances;

    private FrozenTree(Engine engine, int nodes) {
        this.engine = engine;
        this.instances = new IdentityHashMap<>(nodes);
    }

    /** The runtime root of {@code tree}, which has been initialised. */
    static Instance freeze(InstanceTree tree, Engine engine) {
        FrozenTree frozen = new FrozenTree(engine, count(tree.root()));
        Instance root = frozen.create(tree.root(), null);
        frozen.wire(tree.root());
        frozen.groups(tree.root());
        for (Connection delayed : tree.delayedEvents()) {
            engine.schedule(frozen.runtime(delayed));
        }
        return root;
    }

    private static int count(Node node) {
        int count = 1;
        for (Node child : node.advanceOrder()) {
            count += count(child);
        }
        return count;
    }

    private Instance create(Node node, Instance parent) {
        String name = node.name() != null ? node.name() : node.id() != null ? node.id() : node.kind().type.name();
        Instance instance = new Instance(node.kind(), parent, name, node.component().location(), engine, node.vars(),
                node.exposed(), node.regime(), node.requirementRefs(), selectRefs(node), node.selectFallbacks(),
                node.selectMultiplies());
        instances.put(node, instance);
        for (Node child : node.advanceOrder()) {
            create(child, instance);
        }
        return instance;
    }

    /** The node's select sources, copied where there are any: the instance redirects them in place. */
    private static Ref[][] selectRefs(Node node) {
        Ref[][] refs = node.selectRefs();
        return refs.length == 0 ? refs : refs.clone();
    }

    private void wire(Node node) {
        Instance instance = instances.get(node);
        int ports = node.kind().outPorts.size();
        Connection[][] wires = ports == 0 ? NO_PORTS : new Connection[ports][];
        for (int p = 0; p < ports; p++) {
            List<Connection> connections = node.connections(p);
            wires[p] = connections.isEmpty() ? NO_CONNECTIONS : new Connection[connections.size()];
            for (int c = 0; c < wires[p].length; c++) {
                wires[p][c] = runtime(connections.get(c));
            }
        }
        Node[] children = node.advanceOrder();
        Instance[] order = new Instance[children.length];
        for (int i = 0; i < children.length; i++) {
            order[i] = instances.get(children[i]);
            wire(children[i]);
        }
        instance.wire(wires, order);
        SchemeBinding[] schemes = node.kineticSchemes();
        if (schemes.length > 0) {
            KineticSchemeRun[] runs = new KineticSchemeRun[schemes.length];
            for (int i = 0; i < schemes.length; i++) {
                runs[i] = new KineticSchemeRun(schemes[i]);
            }
            instance.bindSchemes(runs);
        }
    }

    /** A connection whose in-port end is the runtime instance of the tree's. */
    private Connection runtime(Connection connection) {
        EventTarget target = connection.target();
        if (target instanceof PortReceiver receiver) {
            return new Connection(new InstancePort(instances.get(receiver.node()), receiver.port()),
                    connection.delay());
        }
        return connection;
    }

    /** RK4 groups: every simultaneous Dynamics with its subtree, whose members read each other live. */
    private void groups(Node node) {
        if (node.simultaneous()) {
            live(node);
            Instance root = instances.get(node);
            root.integrateWithRk4(new Rk4Group(root));
            return;
        }
        for (Node child : node.advanceOrder()) {
            groups(child);
        }
    }

    private void live(Node node) {
        Read[][] selects = node.liveSelects();
        Ref[][] selectRefs = new Ref[selects.length][];
        for (int i = 0; i < selects.length; i++) {
            selectRefs[i] = selects[i] == null ? null : refs(selects[i]);
        }
        instances.get(node).bindLive(refs(node.liveRequirements()), selectRefs);
        for (Node child : node.advanceOrder()) {
            live(child);
        }
    }

    private static Ref[] refs(Read[] reads) {
        Ref[] refs = new Ref[reads.length];
        for (int i = 0; i < reads.length; i++) {
            refs[i] = reads[i].ref();
        }
        return refs;
    }
}
