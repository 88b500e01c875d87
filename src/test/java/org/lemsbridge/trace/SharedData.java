package org.lemsbridge.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates {@code ../shared} (system property {@code lemsbridge.shared}) and the project's own reference data. */
final class SharedData {

    private SharedData() {
    }

    static Path shared(String relative) {
        String root = System.getProperty("lemsbridge.shared");
        assumeTrue(root != null, "lemsbridge.shared not set: skipping a test that reads shared data");
        Path path = Path.of(root).toAbsolutePath().normalize().resolve(relative);
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return path;
    }

    static Path projectReference(String relative) {
        Path path = Path.of("reference-data").toAbsolutePath().resolve(relative);
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return path;
    }
}
