package org.lemsbridge.validate;

import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.Integration;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.TargetRun;

/**
 * What a simulation run accepts: a finite step above zero, a finite length above zero, and at most
 * {@link #MAX_STEPS} steps (the output then has at most MAX_STEPS + 1 rows). A run beyond that would take hours and
 * write gigabytes per column, which is nearly always a unit slip ({@code step="1ns"} for {@code "1ms"}).
 */
public final class RunLimits {

    /** The most steps a run may take: 100 million (round(length / step)). */
    public static final long MAX_STEPS = 100_000_000L;

    private RunLimits() {
    }

    /** The problem with the Target's Simulation of {@code model}, if it has one that is out of limits. */
    public static Optional<Finding> check(LemsModel model) {
        Optional<TargetRun> run;
        try {
            run = model.targetRun();
        } catch (BadInputException notRunnable) {
            return Optional.of(Finding.error(Code.RUN_LIMITS, notRunnable.location(), notRunnable.getMessage(),
                    notRunnable.hint()));
        }
        return run.flatMap(r -> check(r.step().si(), r.length().si(), r.location(), r.step().name(),
                r.length().name()));
    }

    /** Likewise for an experiment's integration block (step_size and duration in its time scale). */
    public static Optional<Finding> check(Integration integration) {
        if (integration == null) {
            return Optional.empty();
        }
        SourceLocation where = integration.location() == null ? SourceLocation.unknown("<experiment>")
                : integration.location();
        return check(integration.stepSize(), integration.duration(), where, "step_size", "duration");
    }

    /** Throws the problem of {@link #check(LemsModel)} as bad input. */
    public static void require(LemsModel model) {
        check(model).ifPresent(RunLimits::raise);
    }

    /** Throws the problem of {@link #check(Integration)} as bad input. */
    public static void require(Integration integration) {
        check(integration).ifPresent(RunLimits::raise);
    }

    private static void raise(Finding finding) {
        throw new BadInputException(finding.location(), finding.message(), finding.hint());
    }

    private static Optional<Finding> check(double step, double length, SourceLocation where, String stepName,
            String lengthName) {
        if (!(step > 0) || !Double.isFinite(step)) {
            return Optional.of(Finding.error(Code.RUN_LIMITS, where, stepName + " must be a finite number above"
                    + " zero, got " + step, null));
        }
        if (!(length > 0) || !Double.isFinite(length)) {
            return Optional.of(Finding.error(Code.RUN_LIMITS, where, lengthName + " must be a finite number above"
                    + " zero, got " + length, null));
        }
        double steps = Math.rint(length / step);
        if (steps > MAX_STEPS) {
            return Optional.of(Finding.error(Code.RUN_LIMITS, where, "the run would take " + String.format(
                    java.util.Locale.ROOT, "%.3g", steps) + " steps (" + lengthName + " / " + stepName
                    + "), more than the limit of " + MAX_STEPS, "check the units of " + stepName + " and "
                    + lengthName));
        }
        return Optional.empty();
    }
}
