package org.lemsbridge.tree;

import java.util.List;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.Dynamics;
import org.lemsbridge.util.Mapped;

/** Compiles action blocks (StateAssignment, EventOut, Transition) into {@link CompiledAction}s. */
final class ActionCompiler {

    private final ExprCompiler expressions;
    private final Map<String, Integer> slots;
    private final List<String> outPorts;
    private final Map<String, Integer> regimes;
    private final String owner;

    ActionCompiler(ExprCompiler expressions, Map<String, Integer> slots, List<String> outPorts,
            Map<String, Integer> regimes, String owner) {
        this.expressions = expressions;
        this.slots = slots;
        this.outPorts = outPorts;
        this.regimes = regimes;
        this.owner = owner;
    }

    CompiledAction[] compile(List<Dynamics.Action> actions) {
        return Mapped.array(actions, this::compile, CompiledAction[]::new);
    }

    private CompiledAction compile(Dynamics.Action action) {
        if (action instanceof Dynamics.StateAssignment assignment) {
            Integer slot = slots.get(assignment.variable());
            if (slot == null) {
                throw new BadInputException(assignment.location(), "cannot assign to '" + assignment.variable()
                        + "' in " + owner + ": it is a parameter or unknown");
            }
            int target = slot;
            DoubleOp value = expressions.at(assignment.location()).number(assignment.value());
            return self -> {
                double[] v = self.vars();
                v[target] = value.eval(v);
            };
        }
        if (action instanceof Dynamics.EventOut out) {
            int port = outPorts.indexOf(out.port());
            return self -> self.emit(port);
        }
        Dynamics.Transition transition = (Dynamics.Transition) action;
        Integer regime = regimes.get(transition.regime());
        if (regime == null) {
            throw new BadInputException(transition.location(), "Transition to unknown regime '" + transition.regime()
                    + "' in " + owner);
        }
        int index = regime;
        return self -> self.enterRegime(index);
    }
}
