package org.lemsbridge.units;

/** An expression whose dimensions do not fit together; callers add the source location. */
public class DimensionException extends RuntimeException {

    public DimensionException(String message) {
        super(message);
    }
}
