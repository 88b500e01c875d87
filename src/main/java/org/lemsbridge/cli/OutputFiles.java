package org.lemsbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.AtomicFiles;

/** Writes user-requested output files completely or not at all: a temporary file moved into place. */
final class OutputFiles {
    private OutputFiles() {
    }

    static void writeAtomically(Path target, String text) {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadInputException(SourceLocation.unknown(target.toString()),
                    "cannot write: the folder " + folder + " does not exist");
        }
        try {
            AtomicFiles.writeString(target, text);
        } catch (IOException e) {
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

    /** Deletes a temporary folder of ours and everything in it; what cannot be deleted is left behind. */
    static void deleteTree(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
