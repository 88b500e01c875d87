package org.lemsbridge.units;

/** A unit symbol or quantity text that cannot be understood; callers add the source location. */
public class UnitException extends RuntimeException {

    public UnitException(String message) {
        super(message);
    }
}
