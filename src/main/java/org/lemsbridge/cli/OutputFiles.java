package org.lemsbridge.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/** Writes user-requested output files completely or not at all: a temporary file moved into place. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void writeAtomically(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException(SourceLocation.unknown(target.toString()),
                    "cannot write: the folder " + folder + " does not exist");
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new BadInputException(SourceLocation.unknown(target.toString()), "cannot write: " + e.getMessage());
        }
    }

    static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new BadInputException(SourceLocation.unknown(folder.toString()),
                    "cannot create the output folder: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the move failed already; the temporary file is hidden and harmless
        }
    }
}
