package org.lemsbridge.lems.xml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.lemsbridge.testing.SharedFolder;

/** The LEMS and NeuroML files every reader and the schema must accept. */
public final class LemsCorpus {

    private LemsCorpus() {
    }

    /** Upstream NeuroML2 core types and LEMS examples; the test is skipped when the shared folder is absent. */
    public static List<Path> upstreamFiles() {
        Path upstream = upstream();
        List<Path> files = new ArrayList<>();
        files.addAll(xmlFilesIn(upstream.resolve("NeuroML2/NeuroML2CoreTypes"), false));
        files.addAll(xmlFilesIn(upstream.resolve("NeuroML2/LEMSexamples"), false));
        files.addAll(xmlFilesIn(upstream.resolve("LEMS/examples"), false));
        assumeTrue(!files.isEmpty(), "the upstream folders hold no XML files");
        return files;
    }

    /** The NeuroML documents of the upstream NeuroML2 folder, among them those the LEMS examples include. */
    public static List<Path> upstreamNeuroMlFiles() {
        try (Stream<Path> walk = Files.walk(upstream().resolve("NeuroML2"))) {
            return walk.filter(p -> p.toString().endsWith(".nml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One upstream file by its path under {@code upstream/}; the test is skipped when it is absent. */
    public static Path upstreamFile(String relative) {
        Path file = upstream().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "no upstream file " + file);
        return file;
    }

    private static Path upstream() {
        return SharedFolder.file("upstream");
    }

    /** The project's bundled core types and its example models. */
    public static List<Path> projectFiles() {
        List<Path> files = new ArrayList<>();
        files.addAll(xmlFilesIn(Path.of("src/main/resources/org/lemsbridge/lems/coretypes"), false));
        files.addAll(xmlFilesIn(Path.of("examples"), true));
        return files;
    }

    private static List<Path> xmlFilesIn(Path folder, boolean recursive) {
        try (Stream<Path> walk = recursive ? Files.walk(folder) : Files.list(folder)) {
            return walk.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
