package org.lemsbridge.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --root}: the folder that the github and sarif formats give file locations relative to. */
final class RepositoryRootOption {
    @Option(names = "--root", paramLabel = "DIR", description = "the repository root that github and sarif locations"
            + " are relative to (default: $GITHUB_WORKSPACE when set, else the working directory)")
    private Path root;

    /** The option's folder, else {@code $GITHUB_WORKSPACE}, else the working directory. */
    Path root() {
        if (root != null) {
            return root;
        }
        String workspace = System.getenv("GITHUB_WORKSPACE");
        return workspace == null || workspace.isBlank() ? Path.of("") : Path.of(workspace);
    }
}
