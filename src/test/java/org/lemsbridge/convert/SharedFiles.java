package org.lemsbridge.convert;

import java.nio.file.Path;

/** The shared folder with upstream files and references ({@code -Dlemsbridge.shared}, default {@code ../shared}). */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("lemsbridge.shared", "../shared")).toAbsolutePath().normalize();
    }
}
