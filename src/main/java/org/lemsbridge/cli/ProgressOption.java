package org.lemsbridge.cli;

import picocli.CommandLine.Option;

/**
 * {@code --progress} / {@code --no-progress}: whether a run shows its progress on stderr. Without either, it does
 * when stderr is a terminal and not otherwise (logs and captured output stay clean).
 */
final class ProgressOption {
    @Option(names = "--progress", negatable = true, description = "show the run's progress on stderr (default: only"
            + " when stderr is a terminal)")
    Boolean progress;

    /** Whether a run shows its progress: as {@code progress} says, or (null) when stderr is a terminal. */
    static boolean shown(Boolean progress, boolean stderrIsTerminal) {
        return progress == null ? stderrIsTerminal : progress;
    }
}
