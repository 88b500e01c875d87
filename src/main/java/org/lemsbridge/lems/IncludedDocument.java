package org.lemsbridge.lems;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.files.Confinement;

/**
 * A LEMS or NeuroML file and everything it includes, flattened into top-level elements in textual order but with
 * types not yet resolved. Includes that could not be followed (missing, outside the --confine folders, cyclic) are
 * skipped and listed in {@code unresolved}, so a validator can still inspect the rest; {@link LemsReader#read(
 * IncludedDocument)} refuses a document with any. A {@code <neuroml>} root gets the NeuroML core types first, as
 * jNeuroML gives them.
 */
public record IncludedDocument(Path file, List<XmlElement> elements, boolean neuroml,
        List<BadInputException> unresolved) {

    public IncludedDocument {
        elements = List.copyOf(elements);
        unresolved = List.copyOf(unresolved);
    }

    /** Reads {@code file} and its includes, looked up as {@link LemsReader#read(Path, List)} does. */
    public static IncludedDocument read(Path file, List<Path> searchPath) {
        return read(file, searchPath, Confinement.NONE);
    }

    /** Reads {@code file} and its includes; an include found outside {@code confinement} is refused. */
    public static IncludedDocument read(Path file, List<Path> searchPath, Confinement confinement) {
        return IncludeResolver.collect(file, searchPath, confinement);
    }

    /** The first include that could not be followed, in document order. */
    public Optional<BadInputException> firstUnresolved() {
        return unresolved.isEmpty() ? Optional.empty() : Optional.of(unresolved.get(0));
    }
}
