package org.lemsbridge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An output that could not be written, named by its destination (never by a temporary) with the operating system's
 * reason ({@code No space left on device}, {@code is a folder}); every command reports it as bad input at the
 * destination.
 */
public final class OutputFailure extends UncheckedIOException {

    private final transient Path destination;

    public OutputFailure(Path destination, IOException cause) {
        super("cannot write " + destination + ": " + reason(cause), cause);
        this.destination = destination;
    }

    public Path destination() {
        return destination;
    }

    /** The operating system's words for {@code failure} (for a file system failure, without its paths). */
    public static String reason(IOException failure) {
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName();
    }

    /** What the one line says after the destination. */
    public String problem() {
        return "cannot write: " + reason(getCause());
    }
}
