package org.lemsbridge.sim;

import org.lemsbridge.tree.EventTarget;

/** An event wire's end at a runtime instance's in port (kept inspectable so BytecodeKernel can tell no-op ones). */
record InstancePort(Instance instance, String port) implements EventTarget {
    @Override
    public void receive() {
        instance.receive(port);
    }

    /** True when receiving changes nothing: no regimes and no action on this port. */
    boolean doesNothing() {
        return instance.kind.receivesNothing(port);
    }
}
