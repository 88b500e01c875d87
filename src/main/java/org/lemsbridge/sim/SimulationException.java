package org.lemsbridge.sim;

import org.lemsbridge.error.SourceLocation;

/**
 * A run that cannot go on: a state variable of an instance became NaN or infinite. It names the variable, the
 * instance, the value, when, and where the instance's component is written ({@code null} when unknown).
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String HINT = "the model may be unstable at this time step; try a smaller step";

    private final String variable;
    private final String instance;
    private final double value;
    private final double time;
    private final long step;
    private final transient SourceLocation component;

    SimulationException(String variable, String instance, double value, double time, long step,
            SourceLocation component) {
        super(describe(variable, instance, value, time, step));
        this.variable = variable;
        this.instance = instance;
        this.value = value;
        this.time = time;
        this.step = step;
        this.component = component;
    }

    private static String describe(String variable, String instance, double value, double time, long step) {
        return "state variable " + variable + " of " + instance + " became " + value + " at t = " + time + " s (step "
                + step + ")";
    }

    /** The state variable's name in the model that ran. */
    public String variable() {
        return variable;
    }

    /** Where the failing instance's component is written, or null. */
    public SourceLocation component() {
        return component;
    }

    /** The message with the variable called {@code name} (its name in the file the user wrote). */
    public String messageNaming(String name) {
        return describe(name, instance, value, time, step);
    }

    /** A short suggestion. */
    public String hint() {
        return HINT;
    }
}
