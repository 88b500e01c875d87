package org.lemsbridge.sim;

/** A run that cannot go on (a state variable became NaN or infinite); the message names where and when. */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    public SimulationException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    /** A short suggestion, or null. */
    public String hint() {
        return hint;
    }
}
