package org.lemsbridge.cli;

import java.nio.file.Path;

import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.experiment.ModelLibrary;
import org.lemsbridge.files.Confinement;

import picocli.CommandLine.Option;

/**
 * {@code --models DIR}, on every command that reads an experiment: the folder of {@code NAME.yaml} models where
 * {@code iri: tvbo:NAME} and keyed {@code dynamics: {NAME: ...}} find model NAME. A folder that does not exist is an
 * error.
 */
final class ModelsOption {
    @Option(names = "--models", paramLabel = "DIR",
            description = "the model library that 'iri: tvbo:NAME' and 'dynamics: {NAME: ...}' refer to: a folder of"
                    + " NAME.yaml files, e.g. a TVBO checkout's database/models (its root is taken to mean that)")
    private Path folder;

    /** The library, its model files bounded by {@code confinement}; {@link ModelLibrary#NONE} without the option. */
    ModelLibrary library(Confinement confinement) {
        return library(folder, confinement);
    }

    /** The folder as given, or null without the option. */
    Path folder() {
        return folder;
    }

    /** The library in {@code folder} (null: {@link ModelLibrary#NONE}), its files bounded by {@code confinement}. */
    static ModelLibrary library(Path folder, Confinement confinement) {
        return folder == null ? ModelLibrary.NONE
                : ModelLibrary.at(folder, confinement, SourceLocation.unknown(folder.toString()));
    }
}
