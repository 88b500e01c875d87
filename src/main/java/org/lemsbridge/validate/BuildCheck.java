package org.lemsbridge.validate;

import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.Simulator;

/**
 * A model with a Target is built as {@code simulate} builds it, without running a step: every ComponentReference,
 * path, select, event port, requirement and recorded quantity is resolved in the instance tree, so that what the run
 * would refuse before its first step is a finding. Only the first problem is found (the build stops there); it is
 * reported where the run reports it: at the attribute that gives a reference or path that resolves to nothing, at
 * the component that should give a missing one.
 */
final class BuildCheck {

    private BuildCheck() {
    }

    /** Called only when the other checks found no error, so the size of the run is known to fit. */
    static Optional<Finding> check(LemsModel model) {
        if (model.targetRun().isEmpty()) {
            return Optional.empty(); // a NeuroML document without a Target: nothing is run
        }
        try {
            Simulator.build(model, SimulationOptions.defaults()).checkBuild();
            return Optional.empty();
        } catch (BadInputException e) {
            return Optional.of(Finding.error(Code.UNRESOLVED, e.location(), String.valueOf(e.getMessage()),
                    e.hint()));
        }
    }
}
