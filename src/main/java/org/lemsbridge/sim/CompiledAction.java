package org.lemsbridge.sim;

/** One compiled StateAssignment, EventOut or Transition, run on the instance that owns it. */
@FunctionalInterface
interface CompiledAction {
    void run(Instance self);

    static void runAll(CompiledAction[] actions, Instance self) {
        for (CompiledAction action : actions) {
            action.run(self);
        }
    }
}
