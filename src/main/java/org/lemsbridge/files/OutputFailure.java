package org.lemsbridge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;

/**
 * An output that could not be written, named by its destination (never by a temporary) with the operating system's
 * reason ({@code No space left on device}, {@code is a folder}); every command reports it as bad input at the
 * destination.
 */
public final class OutputFailure extends UncheckedIOException {

    private final transient Path destination;

    public OutputFailure(Path destination, IOException cause) {
        super("cannot write " + destination + ": " + IoFailure.reason(cause), cause);
        this.destination = destination;
    }

    public Path destination() {
        return destination;
    }

    /** The one line every command prints: the destination and the operating system's reason. */
    public BadInputException toBadInput() {
        return IoFailure.cannotWrite(destination, (IOException) getCause());
    }
}
