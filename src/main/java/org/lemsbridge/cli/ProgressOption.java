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

    boolean shown(boolean stderrIsTerminal) {
        return progress == null ? stderrIsTerminal : progress;
    }
}
