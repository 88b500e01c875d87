package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.files.Confinement;

import picocli.CommandLine.Mixin;

/**
 * The options of every command that reads models or suites: {@code --confine DIR}, jnml's {@code -nogui} and
 * {@code --debug}.
 */
final class ModelInputOptions {
    @Mixin
    private ConfineOption confine;

    @Mixin
    private NoGuiOption noGui;

    @Mixin
    private DebugOption debug;

    /** The {@code --confine} folders as given. */
    List<Path> confineFolders() {
        return confine.folders();
    }

    /** Whether {@code -nogui} was given (it changes nothing). */
    boolean noGui() {
        return noGui.noGui;
    }

    Confinement confinement() {
        return confine.confinement();
    }

    /** Whether {@code --debug} was given (stack traces with errors). */
    boolean debug() {
        return debug.debug;
    }
}
