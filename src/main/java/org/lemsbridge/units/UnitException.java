package org.lemsbridge.units;

import java.util.Optional;

/** A unit symbol or quantity text that cannot be understood; callers add the source location. */
public class UnitException extends RuntimeException {

    private final String unknownSymbol;

    public UnitException(String message) {
        this(message, null);
    }

    /** {@code unknownSymbol}: the symbol the table does not have, when that is the problem. */
    public UnitException(String message, String unknownSymbol) {
        super(message);
        this.unknownSymbol = unknownSymbol;
    }

    /** The unit symbol that is not in the table, when that is what went wrong. */
    public Optional<String> unknownSymbol() {
        return Optional.ofNullable(unknownSymbol);
    }
}
