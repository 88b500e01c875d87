package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the project's own reference data ({@code reference-data/}). */
final class SharedData {

    private SharedData() {
    }

    static Path projectReference(String relative) {
        Path path = Path.of("reference-data").toAbsolutePath().resolve(relative);
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return path;
    }
}
