package org.lemsbridge.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * The instance tree of a target component, built and bound by {@link TreeBuilder}: its root, and what its
 * initialisation leaves behind besides the instances' variables, the events it sent with a delay.
 */
public final class InstanceTree {

    private Node root;
    private final List<Connection> sentWithDelay = new ArrayList<>();
    private boolean initialised;

    InstanceTree() {
    }

    void root(Node built) {
        this.root = built;
    }

    public Node root() {
        return root;
    }

    /**
     * Runs jLEMS's initialisation (lems-semantics §3.3) once: every instance's variables, regime and exposure
     * snapshots as they are before the first step.
     */
    public void initialise() {
        if (initialised) {
            throw new IllegalStateException("the tree is initialised already");
        }
        initialised = true;
        initialise(root);
    }

    private static void initialise(Node node) {
        node.initialisationPass(false);
        for (Node child : node.advanceOrder()) {
            initialise(child);
        }
        node.initialisationPass(true);
        for (Node child : node.advanceOrder()) {
            initialise(child);
        }
        node.initialisationPass(true);
    }

    void sentWithDelay(Connection connection) {
        sentWithDelay.add(connection);
    }

    /** The events initialisation sent with a delay, in the order sent: each is due at its delay after t = 0. */
    public List<Connection> delayedEvents() {
        return List.copyOf(sentWithDelay);
    }
}
