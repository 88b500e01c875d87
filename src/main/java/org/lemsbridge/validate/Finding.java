package org.lemsbridge.validate;

import java.util.Objects;

import org.lemsbridge.error.SourceLocation;

/** One problem validation found: a stable code, a severity, where, what, and (optionally) how to fix it. */
public record Finding(Code code, Severity severity, SourceLocation location, String message, String hint) {

    public Finding {
        Objects.requireNonNull(code);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
    }

    public static Finding error(Code code, SourceLocation location, String message, String hint) {
        return new Finding(code, Severity.ERROR, location, message, hint);
    }

    public static Finding warning(Code code, SourceLocation location, String message, String hint) {
        return new Finding(code, Severity.WARNING, location, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: severity CODE: message}, on one line. */
    public String line() {
        return location + ": " + severity.word() + " " + code.id() + ": " + message.replace('\n', ' ');
    }
}
