package org.lemsbridge.sim;

/** An event wire's end at an instance's in port (kept inspectable so BytecodeKernel can tell no-op receivers). */
record PortReceiver(Instance instance, String port) implements EventTarget {
    @Override
    public void receive() {
        instance.receive(port);
    }

    /** True when receiving changes nothing: no regimes and no action on this port. */
    boolean doesNothing() {
        Kind kind = instance.kind;
        if (kind.regimes.length > 0) {
            return false;
        }
        CompiledAction[][] blocks = kind.onEvents.get(port);
        if (blocks != null) {
            for (CompiledAction[] block : blocks) {
                if (block.length > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
