package org.lemsbridge.suite.report;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * A report folder replaced as a unit: a run writes its report into a hidden folder beside the target
 * ({@link #staging()}), and {@link #publish()} puts it in the target's place, so case folders of an earlier run
 * (renamed or removed cases) do not linger and a run that stops half way leaves the earlier report whole. Only an
 * absent or empty folder or an earlier report (a folder with {@code summary.json}) is replaced: a folder of the
 * user's own is refused, never deleted.
 */
public final class ReportFolder {

    /** The file that marks a folder as a lemsbridge report. */
    static final String MARKER = "summary.json";

    private final Path target;
    private final Path staging;
    private boolean published;

    private ReportFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /**
     * Checks that {@code target} may be replaced and makes the hidden folder the new report is written into.
     *
     * @throws BadInputException when {@code target} is a folder of other files (or a file)
     * @throws IOException       when the folder beside it cannot be made
     */
    public static ReportFolder open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replaceable(absolute)) {
            throw new BadInputException(SourceLocation.unknown(target.toString()), "will not replace " + target
                    + ": it is neither empty nor a lemsbridge report (no " + MARKER + " in it)",
                    "name a new folder with --report; check replaces its report folder as a whole");
        }
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IOException("the report folder cannot be the root folder");
        }
        Files.createDirectories(parent);
        return new ReportFolder(absolute, createHidden(parent, absolute.getFileName() + ".partial"));
    }

    /** The folder the new report is written into until {@link #publish()}. */
    public Path staging() {
        return staging;
    }

    /** The report folder. */
    public Path target() {
        return target;
    }

    /** Puts the new report in the target's place and removes the earlier one. */
    public void publish() throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target);
        } else {
            Path earlier = createHidden(target.getParent(), target.getFileName() + ".old");
            Files.delete(earlier);
            Files.move(target, earlier);
            Files.move(staging, target);
            deleteTree(earlier);
        }
        published = true;
    }

    /** Removes the new report unless it was published (after a run that stopped). */
    public void discardUnpublished() {
        if (!published) {
            deleteTree(staging);
        }
    }

    private static boolean replaceable(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        if (Files.isRegularFile(folder.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    /** A new folder {@code .NAME.RANDOM} in {@code parent}, with the permissions a plain new folder gets. */
    private static Path createHidden(Path parent, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createDirectory(parent.resolve("." + name + "." + suffix));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Deletes a folder of ours and everything in it; what cannot be deleted is left behind. */
    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a hidden folder left behind holds nothing the new report needs
        }
    }
}
