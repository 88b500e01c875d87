package org.lemsbridge.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The files under a folder (at most {@value #DEEPEST} levels down) that a command takes, in sorted order, hidden
 * files and folders skipped.
 */
public final class FolderFiles {

    private static final int DEEPEST = 20;

    private FolderFiles() {
    }

    /** The regular files under {@code folder} that {@code wanted} accepts. */
    public static List<Path> walk(Path folder, Predicate<Path> wanted) {
        try (Stream<Path> walk = Files.walk(folder, DEEPEST)) {
            return walk.filter(Files::isRegularFile).filter(file -> !hidden(folder.relativize(file)))
                    .filter(wanted).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(SourceLocation.unknown(folder.toString()), "cannot walk the folder: "
                    + e.getMessage());
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
