package org.lemsbridge.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.lemsbridge.util.Mapped;

/**
 * The files one command writes, put in place all together or not at all. Each file (or folder) is written to a
 * hidden temporary beside its destination, {@code .NAME.PID.RANDOM.tmp}; {@link #commit()} moves every one into
 * place, and when a move fails the destinations already replaced get their previous content back. Until then, and
 * whenever the command fails, the previous outputs stay exactly as they were: {@link #close()} deletes what was
 * staged, and so does a shutdown hook when the process is ended by SIGINT or SIGTERM. Every name made in what is
 * staged passes a {@link WriteGate} that the hook closes before it deletes anything: it waits for a commit or a
 * file creation under way, and no thread of the command can make a staged file or folder again afterwards, so a
 * signal leaves either all new outputs or all old ones and no temporaries. Temporaries that a killed process
 * (SIGKILL) left beside a destination are deleted the next time that destination is staged. A commit of several
 * files first writes its intent ({@link CommitJournal}); one killed between two moves is settled, all new or all as
 * it was, by the next command that writes in one of its folders. A backup a killed single-file commit left
 * ({@code .NAME.PID.RANDOM.bak}) is put back when the destination is missing (the new file never arrived) and deleted
 * when the new one is in place.
 */
public final class Staging implements AutoCloseable {

    /** Opens a temporary for writing: the seam through which tests make the disk fill up or a write fail. */
    @FunctionalInterface
    public interface Writes {
        OutputStream open(Path temporary) throws IOException;

        Writes DISK = Files::newOutputStream;
    }

    /** Renames a staged file into place or a destination aside: the seam through which tests stop a commit part-way. */
    @FunctionalInterface
    interface Moves {
        void move(Path from, Path to) throws IOException;

        Moves RENAME = Staging::move;
    }

    private static final String TEMPORARY = ".tmp";
    private static final String BACKUP = ".bak";

    private final Writes writes;
    private final WriteGate gate;
    private final boolean ownsGate;
    private final long pid;
    private final Moves moves;
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final Set<Path> reserved = new HashSet<>();
    private final Thread hook = new Thread(this::abandon, "lemsbridge-staging-cleanup");
    private boolean hooked;
    private boolean finished;

    private Staging(Writes writes, WriteGate gate, boolean ownsGate, long pid, Moves moves) {
        this.writes = writes;
        this.gate = gate;
        this.ownsGate = ownsGate;
        this.pid = pid;
        this.moves = moves;
    }

    /** A staging whose files are written to disk. */
    public static Staging create() {
        return create(Writes.DISK);
    }

    /** A staging whose files are opened through {@code writes}. */
    public static Staging create(Writes writes) {
        return new Staging(writes, new WriteGate(), true, ProcessId.current(), Moves.RENAME);
    }

    /**
     * A staging named as process {@code pid}'s whose commit renames through {@code moves}: tests stand for a process
     * killed in the middle of its commit with it.
     */
    static Staging create(Writes writes, long pid, Moves moves) {
        return new Staging(writes, new WriteGate(), true, pid, moves);
    }

    /** A staging for files inside a staged folder, whose gate it shares (closing it is left to the folder's). */
    static Staging sharing(WriteGate gate, Writes writes) {
        return new Staging(writes, gate, false, ProcessId.current(), Moves.RENAME);
    }

    /**
     * Opens a new temporary for {@code destination}, which {@link #commit()} moves there. Its folder is created when
     * missing; a destination that is a folder is refused here, before anything is written.
     */
    public OutputStream open(Path destination) throws IOException {
        return gate.pass(() -> writes.open(stageFile(destination)));
    }

    /**
     * Stages an empty temporary for {@code destination} now, so that a destination that cannot be written is found
     * before the command does its work; {@link #open} (or {@link #writeString}) fills it later.
     */
    public void reserve(Path destination) throws IOException {
        gate.pass(() -> {
            reserveFile(destination);
            return null;
        });
    }

    private synchronized void reserveFile(Path destination) throws IOException {
        reserved.add(stageFile(destination));
    }

    /** Stages {@code text} (UTF-8) for {@code destination}. */
    public void writeString(Path destination, String text) throws IOException {
        writeBytes(destination, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Stages {@code bytes} for {@code destination}. */
    public void writeBytes(Path destination, byte[] bytes) throws IOException {
        try (OutputStream out = open(destination)) {
            out.write(bytes);
        }
    }

    /**
     * A new empty folder that {@link #commit()} puts in place of {@code destination}, replacing it as a whole; what
     * the command makes in it goes through the returned {@link StagedFolder}.
     */
    public StagedFolder folder(Path destination) throws IOException {
        return gate.pass(() -> new StagedFolder(stageFolder(destination), gate));
    }

    private synchronized Path stageFolder(Path destination) throws IOException {
        Path target = prepare(destination);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a file, not a folder");
        }
        Path temporary = create(target, true);
        staged.put(target, temporary);
        return temporary;
    }

    /** The temporary standing for {@code destination}, staged earlier. */
    public synchronized Path temporaryOf(Path destination) {
        Path temporary = staged.get(destination.toAbsolutePath().normalize());
        if (temporary == null) {
            throw new IllegalArgumentException(destination + " is not staged");
        }
        return temporary;
    }

    /**
     * Where {@code destination}'s content is now: its staged temporary until the commit (so what a command wrote can
     * be read before anything is put in place), else the destination itself.
     */
    public synchronized Path current(Path destination) {
        Path temporary = staged.get(destination.toAbsolutePath().normalize());
        return temporary == null || reserved.contains(temporary) ? destination : temporary;
    }

    /**
     * Files written through this staging (put in place by {@link #commit()}; one that cannot be written is an
     * {@link OutputFailure} naming it), folders made at once.
     */
    public FolderWrites folderWrites() {
        return new FolderWrites() {
            @Override
            public Path createFolders(Path folder) throws IOException {
                Staging.createFolders(folder.toAbsolutePath().normalize());
                return folder;
            }

            @Override
            public void write(Path file, byte[] bytes) {
                try {
                    writeBytes(file, bytes);
                } catch (IOException e) {
                    throw new OutputFailure(file.toAbsolutePath().normalize(), e);
                }
            }
        };
    }

    private synchronized Path stageFile(Path destination) throws IOException {
        Path target = prepare(destination);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "is a folder");
        }
        if (staged.containsKey(target) && reserved.remove(staged.get(target))) {
            return staged.get(target);
        }
        if (staged.containsKey(target)) {
            throw new IOException(target + " is written twice by one command");
        }
        Path temporary = create(target, false);
        staged.put(target, temporary);
        return temporary;
    }

    private Path prepare(Path destination) throws IOException {
        if (finished) {
            throw new IOException("the command is ending; " + destination + " is not written");
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(hook);
            hooked = true;
        }
        Path target = destination.toAbsolutePath().normalize();
        createFolders(target.getParent());
        CommitJournal.recover(target.getParent());
        removeStale(target);
        return target;
    }

    /** Makes {@code folder} and its missing parents; a file in the way is named. */
    private static void createFolders(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new FileSystemException(folder.toString(), null, existing + " is a file, not a folder");
        }
        Files.createDirectories(folder);
    }

    private Path create(Path target, boolean folder) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temporary = sibling(target, TEMPORARY);
            try {
                return folder ? Files.createDirectory(temporary) : Files.createFile(temporary);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private Path sibling(Path target, String suffix) {
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return target.resolveSibling("." + target.getFileName() + "." + pid + "." + random + suffix);
    }

    /**
     * Deletes temporaries of {@code target} left by processes that are gone: {@code .NAME.PID.RANDOM.tmp} whose
     * process no longer runs, and the older {@code .NAME.RANDOM.tmp} (no process id) from before this process began.
     * A backup such a process left in the middle of its commit is put back when {@code target} is missing, else
     * deleted (the new content had arrived whole).
     */
    private static void removeStale(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        List<Path> siblings = named(target.getParent(), prefix, "");
        for (Path sibling : siblings) {
            if (!hasName(sibling, prefix, TEMPORARY)) {
                continue;
            }
            String middle = middle(sibling, prefix, TEMPORARY);
            boolean stale = middle.indexOf('.') < 0
                    ? Files.getLastModifiedTime(sibling).toMillis() < processStart()
                    : ownerIsGone(middle);
            if (stale) {
                deleteTree(sibling);
            }
        }
        for (Path sibling : siblings) {
            if (!hasName(sibling, prefix, BACKUP) || !ownerIsGone(middle(sibling, prefix, BACKUP))) {
                continue;
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(sibling);
            } else {
                move(sibling, target);
            }
        }
    }

    /**
     * The entries of {@code folder} named {@code PREFIX*SUFFIX}, the two not overlapping: compared as text, so a name
     * with glob characters ({@code [}, <code>{</code>, {@code *}, ...) is matched as itself.
     */
    static List<Path> named(Path folder, String prefix, String suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (hasName(entry, prefix, suffix)) {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static boolean hasName(Path entry, String prefix, String suffix) {
        String name = entry.getFileName().toString();
        return name.length() >= prefix.length() + suffix.length() && name.startsWith(prefix) && name.endsWith(suffix);
    }

    private static long processStart() {
        return ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
    }

    /** {@code PID.RANDOM} of {@code .NAME.PID.RANDOM.SUFFIX}. */
    private static String middle(Path sibling, String prefix, String suffix) {
        String name = sibling.getFileName().toString();
        return name.substring(prefix.length(), name.length() - suffix.length());
    }

    /** Whether {@code PID.RANDOM} names a process that no longer runs. */
    static boolean ownerIsGone(String middle) {
        int dot = middle.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        for (int i = 0; i < dot; i++) {
            if (!Character.isDigit(middle.charAt(i))) {
                return false;
            }
        }
        long owner = Long.parseLong(middle.substring(0, dot));
        return owner != ProcessId.current() && ProcessHandle.of(owner).isEmpty();
    }

    /**
     * Moves every staged temporary into place. When a move fails, the destinations replaced so far get their
     * previous content back and the new files are deleted, so the outputs are all new or all as they were.
     *
     * @throws OutputFailure naming the destination that could not be replaced
     */
    public void commit() {
        try {
            gate.pass(() -> {
                moveAll();
                return null;
            });
        } catch (IOException ending) {
            throw new IllegalStateException("the command was ended before its outputs were complete", ending);
        }
        finish();
    }

    private synchronized void moveAll() {
        if (finished) {
            throw new IllegalStateException("the command was ended before its outputs were complete");
        }
        if (!reserved.isEmpty()) {
            throw new IllegalStateException("reserved outputs were never written: " + reserved);
        }
        List<Move> plan = new ArrayList<>();
        for (Map.Entry<Path, Path> entry : staged.entrySet()) {
            Path target = entry.getKey();
            plan.add(new Move(target, Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? sibling(target, BACKUP)
                    : null, entry.getValue()));
        }
        CommitJournal journal = null;
        List<Move> done = new ArrayList<>();
        Path target = plan.isEmpty() ? null : plan.get(0).target;
        try {
            journal = plan.size() > 1 ? CommitJournal.write(pid, Mapped.list(plan, Move::entry)) : null;
            for (Move step : plan) {
                target = step.target;
                done.add(step);
                if (step.backup != null) {
                    moves.move(target, step.backup);
                    step.backedUp = true;
                }
                moves.move(step.staged, target);
                step.placed = true;
            }
        } catch (IOException e) {
            rollBack(done, e);
            deleteJournal(journal);
            throw new OutputFailure(target, e);
        } catch (RuntimeException e) {
            rollBack(done, e);
            deleteJournal(journal);
            throw e;
        }
        for (Move step : done) {
            if (step.backup != null) {
                deleteTree(step.backup);
            }
        }
        deleteJournal(journal);
        staged.clear();
    }

    private static void deleteJournal(CommitJournal journal) {
        if (journal != null) {
            journal.delete();
        }
    }

    /** One destination's progress in a commit. */
    private static final class Move {
        final Path target;
        final Path backup;
        final Path staged;
        boolean backedUp;
        boolean placed;

        Move(Path target, Path backup, Path staged) {
            this.target = target;
            this.backup = backup;
            this.staged = staged;
        }

        CommitJournal.Entry entry() {
            return new CommitJournal.Entry(target.toString(), backup == null ? null : backup.toString(),
                    staged.toString());
        }
    }

    private static void rollBack(List<Move> done, Exception cause) {
        for (int i = done.size() - 1; i >= 0; i--) {
            Move step = done.get(i);
            try {
                if (step.placed) {
                    deleteTree(step.target);
                }
                if (step.backedUp) {
                    move(step.backup, step.target);
                }
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes everything staged and not committed; the previous outputs are untouched. Nothing more is made in what
     * this staging's folders held, by any thread.
     */
    @Override
    public void close() {
        if (ownsGate) {
            gate.close();
        }
        synchronized (this) {
            abandonStaged();
        }
        finish();
    }

    /**
     * The shutdown hook: closes the gate, which waits for a commit or a creation under way and lets none start, then
     * deletes what is staged. Threads of the command still run meanwhile, but can no longer make anything in it.
     */
    private void abandon() {
        gate.close();
        synchronized (this) {
            finished = true;
            abandonStaged();
        }
    }

    private void abandonStaged() {
        for (Path temporary : staged.values()) {
            deleteTree(temporary);
        }
        staged.clear();
        reserved.clear();
    }

    private synchronized void finish() {
        finished = true;
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it finds nothing left to delete
            }
            hooked = false;
        }
    }

    static void deleteTree(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (var entries = Files.list(path)) {
                    entries.forEach(Staging::deleteTree);
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException | java.io.UncheckedIOException e) {
            // left behind: removed as stale by the next command writing here
        }
    }
}
