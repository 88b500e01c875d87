package org.lemsbridge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared folder beside the project ({@code ../shared}: upstream LEMS/NeuroML files and jLEMS reference data), or
 * the one the system property {@code lemsbridge.shared} names. A test that needs a file from it calls {@link #root()}
 * or {@link #file(String)} and is skipped, with a message naming what is missing, when it is absent. The only place
 * tests locate it.
 */
public final class SharedFolder {
    /** The system property naming the shared folder (the pom sets it to {@code ${project.basedir}/../shared}). */
    public static final String PROPERTY = "lemsbridge.shared";

    private SharedFolder() {
    }

    /** Where the shared folder is, whether or not it exists. */
    public static Path location() {
        return Path.of(System.getProperty(PROPERTY, "../shared")).toAbsolutePath().normalize();
    }

    /** The shared folder; the calling test is skipped when it is absent. */
    public static Path root() {
        Path root = location();
        assumeTrue(Files.isDirectory(root), () -> "skipped: the shared folder " + root + " is absent (set -D"
                + PROPERTY + "=DIR to read it from elsewhere)");
        return root;
    }

    /** A file or folder below the shared folder; the calling test is skipped when it is absent. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), () -> "skipped: " + path + " is absent from the shared folder");
        return path;
    }

    /** A file or folder below the shared folder, if it is there (for tests that fall back to something else). */
    public static Optional<Path> find(String relative) {
        Path path = location().resolve(relative);
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }
}
