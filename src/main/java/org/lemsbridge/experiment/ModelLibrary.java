package org.lemsbridge.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;

/**
 * The folder where {@code iri: tvbo:NAME} and keyed {@code dynamics: {NAME: ...}} find model NAME: a folder of
 * {@code NAME.yaml} files, as a TVBO checkout's {@code database/models} ({@code --models DIR}, {@code models:} in a
 * suite). A TVBO checkout's root is taken to mean its {@code database/models}. A model file must lie inside the folder
 * once symbolic links are resolved, and inside the confinement when one is active.
 *
 * @param folder      the folder of model files; null when none was given (a reference is then an error)
 * @param confinement the folders a model file must also lie in ({@link Confinement#NONE}: no further bound)
 */
public record ModelLibrary(Path folder, Confinement confinement) {

    /** No folder given: a reference to a library model is an error naming {@code --models}. */
    public static final ModelLibrary NONE = new ModelLibrary(null, Confinement.NONE);

    /** How the folder is asked for in messages. */
    public static final String OPTION = "--models DIR (a TVBO checkout's database/models)";

    /**
     * A model name that can be a file name here: no path separators, no dots, not absurdly long ({@link #isModelName};
     * a regular expression compiled when the class loads took about 4 ms of every simulation's start-up).
     */
    static final String MODEL_NAME = "[A-Za-z][A-Za-z0-9_]{0,79}";

    /** More files than this in the folder are not listed for a did-you-mean. */
    private static final int MOST_NAMES_LISTED = 10_000;

    public ModelLibrary {
        confinement = confinement == null ? Confinement.NONE : confinement;
    }

    /**
     * The library in {@code folder} (or its {@code database/models} when it is a TVBO checkout's root); a folder that
     * does not exist is bad input at {@code where}.
     */
    public static ModelLibrary at(Path folder, Confinement confinement, SourceLocation where) {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(where, "the model folder " + folder + " does not exist"
                    + (Files.exists(folder) ? " (it is a file)" : ""),
                    "--models names a folder of NAME.yaml model files, e.g. a TVBO checkout's database/models");
        }
        Path checkoutModels = folder.resolve("database").resolve("models");
        return new ModelLibrary(Files.isDirectory(checkoutModels) ? checkoutModels : folder, confinement);
    }

    public boolean isGiven() {
        return folder != null;
    }

    /** This library bounded by {@code more} as well. */
    public ModelLibrary confinedTo(Confinement more) {
        return new ModelLibrary(folder, more.isActive() ? more : confinement);
    }

    /**
     * The file of model {@code name}; a name that is not in the folder is an error at {@code where} with the nearest
     * model name, and a file outside the folder (through a link) or outside the confinement is refused.
     */
    Path fileOf(String name, String reference, SourceLocation where) {
        Path file = folder.resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            Path yml = folder.resolve(name + ".yml");
            if (!Files.isRegularFile(yml)) {
                throw new BadInputException(where, reference + ": no model '" + name + "' in " + folder
                        + NearestName.among(names(), name).map(n -> "; did you mean '" + n + "'?")
                                .orElse(""));
            }
            file = yml;
        }
        Path real;
        Path realFolder;
        try {
            real = file.toRealPath();
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw new BadInputException(where, reference + ": cannot read " + file + ": " + e.getMessage());
        }
        if (!real.startsWith(realFolder)) {
            throw new BadInputException(where, reference + ": " + file + " leaves the model folder " + folder
                    + " (through a link)");
        }
        Optional<Path> outside = confinement.refusal(real);
        if (outside.isPresent()) {
            throw new BadInputException(where, reference + ": " + file + " resolves to " + outside.get()
                    + ", outside the confine folders " + confinement.describe(),
                    "list the model folder under --confine (or a suite's confine:) if you trust it");
        }
        return file;
    }

    /** The model names the folder holds (its {@code .yaml}/{@code .yml} files), for a did-you-mean. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.limit(MOST_NAMES_LISTED).map(p -> String.valueOf(p.getFileName()))
                    .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .filter(ModelLibrary::isModelName)
                    .forEach(names::add);
        } catch (IOException e) {
            // no names to suggest
        }
        return names;
    }

    /** Whether {@code name} matches {@link #MODEL_NAME}. */
    static boolean isModelName(String name) {
        if (name.isEmpty() || name.length() > 80 || !asciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!asciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
