package org.lemsbridge.lems;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's own NeuroML core type files, shipped in the jar ({@code src/main/resources/.../coretypes}): an
 * {@code <Include file="Cells.xml"/>} that no search folder supplies resolves here. The build parses them and stores
 * the trees in a compact binary form beside them ({@link #main}, {@link CompactTrees}); a process reads that once, on
 * first use, into immutable trees that the reader and the validator share (parsing the XML instead, on a class path
 * without it).
 */
public final class BundledCoreTypes {
    static final String FOLDER = "/org/lemsbridge/lems/coretypes/";
    /** The trees as the build stored them. */
    static final String COMPACT = FOLDER + "coretypes.trees";
    private static final List<String> FILES = List.of("NeuroMLCoreDimensions.xml", "NeuroMLCoreCompTypes.xml",
            "Channels.xml", "Cells.xml", "Inputs.xml", "Networks.xml", "Synapses.xml", "Simulation.xml",
            "NeuroML2CoreTypes.xml", "PyNN.xml");

    private BundledCoreTypes() {
    }

    /** True when {@code fileName} (a bare file name) is one of the bundled files. */
    public static boolean has(String fileName) {
        return FILES.contains(fileName);
    }

    /** The bundled file's tree, named {@code bundled:FILE} in locations; empty when there is no such file. */
    public static Optional<XmlElement> parsed(String fileName) {
        return Optional.ofNullable(Parsed.TREES.get(fileName));
    }

    /**
     * Build step (the pom runs it in process-classes, after the resources are copied): parses the bundled files and
     * writes their trees to {@code OUTPUT_CLASSES_FOLDER + COMPACT}.
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0], COMPACT.substring(1));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            CompactTrees.write(parseAll(), out);
        }
    }

    /** Parses every bundled XML file, in order. */
    static Map<String, XmlElement> parseAll() {
        Map<String, XmlElement> trees = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = BundledCoreTypes.class.getResourceAsStream(FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks its bundled core type file " + file);
                }
                trees.put(file, SecureXml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "bundled:" + file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled core type file " + file, e);
            }
        }
        return trees;
    }

    /** Holder: reading happens when a bundled file is first needed, once, and the result never changes. */
    private static final class Parsed {
        static final Map<String, XmlElement> TREES = load();

        private static Map<String, XmlElement> load() {
            try (InputStream in = BundledCoreTypes.class.getResourceAsStream(COMPACT)) {
                return Map.copyOf(in == null ? parseAll()
                        : CompactTrees.read(new DataInputStream(new BufferedInputStream(in))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled core types " + COMPACT, e);
            }
        }
    }
}
