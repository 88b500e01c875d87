package org.lemsbridge.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A file or folder that could not be read or written, as bad input: one line {@code PATH: cannot write: REASON}
 * (or {@code cannot read}), the path as the user named it and the operating system's reason, no line and column
 * (a destination is not a place in a file). Every command and every suite case reports I/O failures through here.
 */
public final class IoFailure {

    private IoFailure() {
    }

    public static BadInputException cannotWrite(Path destination, IOException failure) {
        return cannotWrite(destination.toString(), failure);
    }

    public static BadInputException cannotWrite(String destination, IOException failure) {
        return at(destination, "cannot write: " + reason(failure), failure);
    }

    /** A destination refused before writing, for {@code why} ({@code is a folder}, say). */
    public static BadInputException cannotWrite(Path destination, String why) {
        return at(destination.toString(), "cannot write: " + why, null);
    }

    public static BadInputException cannotRead(Path source, IOException failure) {
        return cannotRead(source.toString(), failure);
    }

    public static BadInputException cannotRead(String source, IOException failure) {
        return at(source, "cannot read: " + reason(failure), failure);
    }

    private static BadInputException at(String path, String problem, IOException cause) {
        return new BadInputException(BadInputException.Kind.IO_FAILURE, SourceLocation.unknown(path), problem, null,
                cause);
    }

    /** The operating system's words for {@code failure}, without the paths Java adds to them. */
    public static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        if (failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName();
    }
}
