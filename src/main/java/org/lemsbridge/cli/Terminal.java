package org.lemsbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's stderr is a terminal. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, whether file descriptor 2 is a terminal device; elsewhere, whether the JVM has a console (stdin and
     * stdout are terminals), the closest Java itself can tell.
     */
    static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String device = Files.readSymbolicLink(stderr).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty") || device.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
