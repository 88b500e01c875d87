package org.lemsbridge.error;

/** Throws again what another thread's work threw, as calling it directly would have thrown it. */
public final class Rethrow {

    private Rethrow() {
    }

    /**
     * Throws {@code thrown} itself when it is unchecked; a checked one comes back wrapped in an
     * {@link IllegalStateException} for the caller to throw ({@code throw Rethrow.unchecked(e)}).
     */
    public static RuntimeException unchecked(Throwable thrown) {
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(thrown);
    }
}
