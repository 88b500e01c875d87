package org.lemsbridge.suite.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.StagedFolder;
import org.lemsbridge.files.Staging;

/**
 * A report folder replaced as a unit: a run writes its report into a hidden folder beside the target
 * ({@link #staging()}, staged by {@link Staging}), and {@link #publish()} puts it in the target's place, so case
 * folders of an earlier run (renamed or removed cases) do not linger and a run that stops half way leaves the earlier
 * report whole. Being a {@link Staging}, the hidden folder is deleted when the run fails, when SIGINT or SIGTERM ends
 * it, and (left by a process that is gone) when the next check stages the same report. Only an absent or empty
 * folder or an earlier report (a folder with {@code summary.json}) is replaced: a folder of the user's own is refused,
 * never deleted.
 */
public final class ReportFolder {

    /** The file that marks a folder as a lemsbridge report. */
    static final String MARKER = "summary.json";

    /** Hidden folders of the earlier naming ({@code .NAME.partial.RANDOM}, {@code .NAME.old.RANDOM}). */
    private static final List<String> EARLIER_NAMING = List.of(".partial.", ".old.");

    private final Path target;
    private final Staging staging;
    private final StagedFolder folder;

    private ReportFolder(Path target, Staging staging, StagedFolder folder) {
        this.target = target;
        this.staging = staging;
        this.folder = folder;
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
        if (absolute.getParent() == null) {
            throw new IOException("the report folder cannot be the root folder");
        }
        Staging staging = Staging.create();
        try {
            StagedFolder folder = staging.folder(absolute);
            removeEarlierNaming(absolute);
            return new ReportFolder(absolute, staging, folder);
        } catch (IOException | RuntimeException e) {
            staging.close();
            throw e;
        }
    }

    /**
     * The folder the new report is written into until {@link #publish()}: everything in it is made through it, so
     * nothing is made in it once the run is ending.
     */
    public StagedFolder staging() {
        return folder;
    }

    /** Stages {@code file} (outside the report, such as {@code --junit}) to be put in place with the report. */
    public void stageAlso(Path file, String text) throws IOException {
        staging.writeString(file, text);
    }

    /** The report folder. */
    public Path target() {
        return target;
    }

    /**
     * Puts the new report (and the files staged with it) in the target's place and removes the earlier one; when
     * that fails the earlier report is put back.
     *
     * @throws OutputFailure naming the report folder
     */
    public void publish() {
        staging.commit();
    }

    /** Removes the new report unless it was published (after a run that stopped). */
    public void discardUnpublished() {
        staging.close();
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

    /**
     * Deletes hidden folders that an earlier version left beside the report when it was killed: they carry no
     * process id, so only those older than this process are taken as stale.
     */
    private static void removeEarlierNaming(Path target) throws IOException {
        long started = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        for (String kind : EARLIER_NAMING) {
            String prefix = "." + target.getFileName() + kind;
            try (var siblings = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
                for (Path sibling : siblings) {
                    String random = sibling.getFileName().toString().substring(prefix.length());
                    if (Files.isDirectory(sibling, LinkOption.NOFOLLOW_LINKS) && !random.contains(".")
                            && Files.getLastModifiedTime(sibling).toMillis() < started) {
                        deleteTree(sibling);
                    }
                }
            }
        }
    }

    /** Deletes a folder of ours and everything in it; what cannot be deleted is left behind. */
    private static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // left behind: it holds nothing a report needs
        }
    }
}
