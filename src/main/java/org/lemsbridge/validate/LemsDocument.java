package org.lemsbridge.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.lems.BundledCoreTypes;
import org.lemsbridge.lems.SecureXml;
import org.lemsbridge.lems.XmlElement;

/**
 * The top-level elements of a LEMS file and of everything it includes, as written (before types are resolved), so
 * that structural mistakes can be listed all at once. Includes are looked up like {@code LemsReader} does: beside
 * the including file, in the search folders, then among the bundled core types; a file outside those folders is
 * never opened. Includes that cannot be found are skipped: the reader reports them.
 */
record LemsDocument(List<XmlElement> elements, boolean neuroml) {


    /** The file a {@code <neuroml>} document implicitly includes, as jNeuroML does. */
    static final String NEUROML_CORE_TYPES = "NeuroML2CoreTypes.xml";

    LemsDocument {
        elements = List.copyOf(elements);
    }

    /**
     * Reads {@code file} and its includes. A {@code <neuroml>} document first gets the NeuroML core types, looked
     * up like any include, and is named by its canonical path (as the reader names an included file).
     */
    static LemsDocument read(Path file, List<Path> searchPath) {
        Path folder = canonical(file).getParent();
        Collector collector = new Collector(folder, searchPath);
        XmlElement root = SecureXml.read(file);
        boolean neuroml = root.tag().equals("neuroml");
        if (neuroml) {
            collector.include(NEUROML_CORE_TYPES, folder);
            root = SecureXml.read(canonical(file));
        }
        collector.add(root, folder, canonical(file).toString());
        return new LemsDocument(collector.elements, neuroml);
    }

    private static final class Collector {
        private final List<Path> searchPath;
        private final List<Path> allowedRoots = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();
        private final List<XmlElement> elements = new ArrayList<>();

        Collector(Path rootFolder, List<Path> searchPath) {
            this.searchPath = searchPath.stream().map(LemsDocument::canonical).toList();
            allowedRoots.add(rootFolder);
            allowedRoots.addAll(this.searchPath);
        }

        void add(XmlElement root, Path folder, String key) {
            if (!root.tag().equals("Lems") && !root.tag().equals("neuroml")) {
                throw new BadInputException(root.location(), "expected a <Lems> or <neuroml> root element, found <"
                        + root.tag() + ">");
            }
            seen.add(key);
            for (XmlElement element : root.children()) {
                if (!element.tag().equals("Include")) {
                    elements.add(element);
                    continue;
                }
                Optional<String> name = element.attribute("file").or(() -> element.attribute("href"));
                if (name.isPresent()) {
                    include(name.get(), folder);
                }
            }
        }

        private void include(String name, Path folder) {
            Path given = Path.of(name);
            List<Path> candidates = new ArrayList<>();
            if (given.isAbsolute()) {
                candidates.add(given);
            } else {
                if (folder != null) {
                    candidates.add(folder.resolve(name));
                }
                searchPath.forEach(p -> candidates.add(p.resolve(name)));
            }
            for (Path candidate : candidates) {
                if (Files.isRegularFile(candidate)) {
                    Path found = canonical(candidate);
                    if (allowedRoots.stream().noneMatch(found::startsWith) || !seen.add(found.toString())) {
                        return;
                    }
                    add(SecureXml.read(found), found.getParent(), found.toString());
                    return;
                }
            }
            Path fileName = given.getFileName();
            if (given.isAbsolute() || name.contains("..") || fileName == null) {
                return;
            }
            String key = "bundled:" + fileName;
            Optional<XmlElement> bundled = BundledCoreTypes.parsed(fileName.toString());
            if (bundled.isPresent() && seen.add(key)) {
                add(bundled.get(), null, key);
            }
        }
    }

    static Path canonical(Path path) {
        try {
            return path.toAbsolutePath().normalize().toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
