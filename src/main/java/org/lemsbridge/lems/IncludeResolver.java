package org.lemsbridge.lems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.Confinement;
import org.lemsbridge.util.Mapped;

/**
 * Flattens a LEMS document and everything it includes into one list of top-level elements, in textual order.
 * Includes are LEMS's {@code <Include file>} and, at the top of a {@code <neuroml>} document, NeuroML's
 * {@code <include href>} (jLEMS itself skips the latter, so a model that runs in jLEMS never needs it followed).
 * An include is looked up as jLEMS looks it up: beside the including file ({@code ..} and absolute paths allowed),
 * then in each search folder, then among the bundled NeuroML core types. Under a {@link Confinement} a file found
 * outside its folders is refused instead. Each file is read once; cycles, missing files and confined paths are
 * refused, or, when collecting a file's includes, listed in document order (with included files that cannot be read)
 * so that the first of them is what a reader reports and a validator can still inspect the rest.
 */
final class IncludeResolver {

    private final List<Path> searchPath;
    private final Confinement confinement;
    private final Set<String> done = new HashSet<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    private final List<XmlElement> elements = new ArrayList<>();
    private final List<BadInputException> unresolved;

    /** The file a {@code <neuroml>} root implicitly includes, as jNeuroML does. */
    static final String NEUROML_CORE_TYPES = "NeuroML2CoreTypes.xml";

    /** The PyNN standard cells and synapses, which NeuroML's schema has but its core types file does not include. */
    static final String PYNN_TYPES = "PyNN.xml";

    /** {@code unresolved} null: the first include that cannot be followed is thrown; otherwise it is added there. */
    private IncludeResolver(List<Path> searchPath, Confinement confinement, List<BadInputException> unresolved) {
        this.unresolved = unresolved;
        this.searchPath = Mapped.list(searchPath, IncludeResolver::canonical);
        this.confinement = confinement;
    }

    /**
     * Reads a root file and its includes, skipping and listing the includes that cannot be followed; a
     * {@code <neuroml>} root first includes the NeuroML core types.
     */
    static IncludedDocument collect(Path file, List<Path> searchPath, Confinement confinement) {
        Path canonical = canonical(file);
        if (!Files.isRegularFile(canonical)) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "no such file: " + file);
        }
        List<BadInputException> unresolved = new ArrayList<>();
        IncludeResolver resolver = new IncludeResolver(searchPath, confinement, unresolved);
        XmlElement root = requireLemsRoot(SecureXml.read(file));
        boolean neuroml = root.tag().equals("neuroml");
        Source source = new Source.OnDisk(canonical);
        if (neuroml) {
            resolver.include(source, NEUROML_CORE_TYPES, root);
            resolver.include(source, PYNN_TYPES, root);
        }
        resolver.readFile(source, root);
        return new IncludedDocument(file, resolver.elements, neuroml, unresolved);
    }

    /** Reads a document given as text; relative includes resolve against {@code baseDir}. */
    static List<XmlElement> resolve(String xml, String sourceName, Path baseDir, List<Path> searchPath,
            Confinement confinement) {
        Path base = baseDir == null ? Path.of("").toAbsolutePath() : baseDir;
        IncludeResolver resolver = new IncludeResolver(searchPath, confinement, null);
        resolver.readFile(new Source.InMemory(sourceName, canonical(base)),
                requireLemsRoot(SecureXml.read(xml, sourceName)));
        return List.copyOf(resolver.elements);
    }

    private sealed interface Source {
        String key();

        /** Folder for includes found in this source, or null for a bundled resource. */
        Path folder();

        record OnDisk(Path file) implements Source {
            public String key() {
                return file.toString();
            }

            public Path folder() {
                return file.getParent();
            }
        }

        record InMemory(String name, Path folder) implements Source {
            public String key() {
                return "memory:" + name;
            }
        }

        record Bundled(String name) implements Source {
            public String key() {
                return "classpath:" + name;
            }

            public Path folder() {
                return null;
            }
        }
    }

    private void readFile(Source source, XmlElement root) {
        done.add(source.key());
        inProgress.add(source.key());
        boolean neuroml = root.tag().equals("neuroml");
        for (XmlElement element : root.children()) {
            if (isInclude(element, neuroml)) {
                include(source, element);
            } else {
                elements.add(element);
            }
        }
        inProgress.remove(source.key());
    }

    /** LEMS's {@code <Include file>}, and in a NeuroML document also NeuroML's {@code <include href>}. */
    private static boolean isInclude(XmlElement element, boolean inNeuroml) {
        return element.tag().equals("Include")
                || inNeuroml && element.tag().equals("include") && element.attribute("href").isPresent();
    }

    private void include(Source from, XmlElement include) {
        Optional<String> name = include.attribute("file").or(() -> include.attribute("href"));
        if (name.isEmpty()) {
            refuse(new BadInputException(include.location(), "<Include> needs a file attribute"));
            return;
        }
        include(from, name.get(), include);
    }

    private void include(Source from, String name, XmlElement include) {
        Source target;
        try {
            target = locate(from, name, include);
        } catch (BadInputException e) {
            refuse(e);
            return;
        }
        if (inProgress.contains(target.key())) {
            refuse(new BadInputException(include.location(), "include cycle: " + String.join(" -> ", inProgress)
                    + " -> " + target.key()));
            return;
        }
        if (done.contains(target.key())) {
            return;
        }
        XmlElement root;
        try {
            root = requireLemsRoot(target instanceof Source.OnDisk disk ? SecureXml.read(disk.file())
                    : readBundled(((Source.Bundled) target).name(), include));
        } catch (BadInputException unreadable) {
            refuse(unreadable);
            return;
        }
        readFile(target, root);
    }

    private static XmlElement requireLemsRoot(XmlElement root) {
        if (!root.tag().equals("Lems") && !root.tag().equals("neuroml")) {
            throw new BadInputException(root.location(), "expected a <Lems> root element, found <" + root.tag() + ">");
        }
        return root;
    }

    private void refuse(BadInputException problem) {
        if (unresolved == null) {
            throw problem;
        }
        unresolved.add(problem);
    }

    private Source locate(Source from, String name, XmlElement include) {
        List<Path> candidates = new ArrayList<>();
        Path asGiven = Path.of(name);
        if (asGiven.isAbsolute()) {
            candidates.add(asGiven);
        } else {
            if (from.folder() != null) {
                candidates.add(from.folder().resolve(name));
            }
            for (Path folder : searchPath) {
                candidates.add(folder.resolve(name));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                Path found = canonical(candidate);
                Optional<Path> outside = confinement.refusal(found);
                if (outside.isPresent()) {
                    throw new BadInputException(include.location(), "include '" + name + "' resolves to "
                            + outside.get() + ", outside the --confine folders " + confinement.describe(),
                            "add its folder with --confine if you trust it");
                }
                return new Source.OnDisk(found);
            }
        }
        if (from instanceof Source.Bundled || !asGiven.isAbsolute()) {
            String fileName = asGiven.getFileName() == null ? name : asGiven.getFileName().toString();
            if (!name.contains("..") && BundledCoreTypes.has(fileName)) {
                return new Source.Bundled(fileName);
            }
        }
        List<String> searched = new ArrayList<>();
        if (asGiven.isAbsolute()) {
            searched.add(name);
        } else {
            if (from.folder() != null) {
                searched.add(from.folder().toString());
            }
            searchPath.forEach(p -> searched.add(p.toString()));
            searched.add("bundled core types");
        }
        throw new BadInputException(include.location(), "included file '" + name + "' not found; searched " + searched,
                asGiven.isAbsolute() ? "check the path" : "add the folder that holds it with -I");
    }

    private static XmlElement readBundled(String name, XmlElement include) {
        return BundledCoreTypes.parsed(name).orElseThrow(() -> new BadInputException(include.location(),
                "bundled core type file " + name + " is missing"));
    }

    private static Path canonical(Path path) {
        try {
            return path.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
