package org.lemsbridge.tree;

/** One compiled StateAssignment, EventOut or Transition, run on the instance that owns it. */
@FunctionalInterface
public interface CompiledAction {
    void run(ActionTarget self);

    static void runAll(CompiledAction[] actions, ActionTarget self) {
        for (CompiledAction action : actions) {
            action.run(self);
        }
    }
}
