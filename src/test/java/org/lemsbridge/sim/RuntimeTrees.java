package org.lemsbridge.sim;

import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.tree.InstanceTree;
import org.lemsbridge.tree.TreeBuilder;

/** Runtime instances for tests: a component's tree built, initialised and frozen as a run does before its first step. */
final class RuntimeTrees {
    private RuntimeTrees() {
    }

    /** The runtime instances of component {@code id}'s tree, built and initialised with {@code engine}. */
    static Instance initialised(LemsModel model, String id, Engine engine) {
        InstanceTree tree = new TreeBuilder(model, engine.random).build(model.component(id).orElseThrow());
        tree.initialise();
        return FrozenTree.freeze(tree, engine);
    }
}
