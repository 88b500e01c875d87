package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/** The integrator block; every time value is in {@code timeScale} units ({@code s}, {@code ms}, {@code us}). */
public record Integration(String method, double stepSize, double duration, String timeScale, double transientTime,
        Extras extras, SourceLocation location) {

    public static final String DEFAULT_METHOD = "euler";
    public static final double DEFAULT_STEP_SIZE = 0.01220703125;
    public static final double DEFAULT_DURATION = 1000.0;
    public static final String DEFAULT_TIME_SCALE = "ms";

    public Integration {
        extras = extras == null ? Extras.NONE : extras;
    }

    public static Integration defaults(SourceLocation location) {
        return new Integration(DEFAULT_METHOD, DEFAULT_STEP_SIZE, DEFAULT_DURATION, DEFAULT_TIME_SCALE, 0.0,
                Extras.NONE, location);
    }

    public Integration withoutLocations() {
        return new Integration(method, stepSize, duration, timeScale, transientTime, extras, null);
    }
}
