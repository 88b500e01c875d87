package org.lemsbridge.lems.xml;

import org.lemsbridge.error.SourceLocation;

/** One place where a document breaks the schema. */
public record SchemaViolation(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
