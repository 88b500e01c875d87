package org.lemsbridge.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's id. Where the system has {@code /proc/self} (Linux) it is read from there: the first use of
 * {@link ProcessHandle} cost about 3 ms of a run's start-up on Java 17 (its class links lambdas and sets up a reaper
 * executor); elsewhere {@link ProcessHandle} gives it.
 */
final class ProcessId {
    private ProcessId() {
    }

    static long current() {
        try {
            return Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException | SecurityException e) {
            return ProcessHandle.current().pid();
        }
    }
}
