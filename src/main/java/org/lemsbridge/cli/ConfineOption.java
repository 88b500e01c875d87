package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.files.Confinement;

import picocli.CommandLine.Option;

/**
 * {@code --confine DIR}, repeatable, on every command: for untrusted input, every file the input names (includes,
 * OutputFile and EventOutputFile paths, the Target's report, suite paths) must stay inside these folders.
 */
final class ConfineOption {
    @Option(names = "--confine", paramLabel = "DIR",
            description = "untrusted input: refuse any include, output file or suite path outside DIR (repeatable);"
                    + " without it files are found and written where the model says, as jLEMS does")
    private List<Path> folders = new ArrayList<>();

    /** The folders as given. */
    List<Path> folders() {
        return List.copyOf(folders);
    }

    Confinement confinement() {
        return Confinement.to(folders);
    }
}
