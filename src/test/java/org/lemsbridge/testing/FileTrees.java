package org.lemsbridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copying files and folders for a test's own copy of its inputs. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies a file, or a folder with what it holds, to {@code to} (which must not exist yet). */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path each : tree.toList()) {
                Path copy = to.resolve(from.relativize(each).toString());
                if (Files.isDirectory(each)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(each, copy);
                }
            }
        }
        return to;
    }
}
