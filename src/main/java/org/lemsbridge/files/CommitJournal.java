package org.lemsbridge.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.util.Mapped;

/**
 * The intent of a commit of several files, written before its first move: for each destination, its backup (where
 * its earlier content is moved, or none when it did not exist) and the staged file that replaces it. A copy is kept
 * in every folder the commit writes in, as {@code .lemsbridge-commit.PID.RANDOM.json}, and deleted when the commit is
 * over (done or rolled back). A process killed in the middle (SIGKILL, a power cut of the JVM) leaves it behind; the
 * next command writing in one of those folders finds it and, its process being gone, makes the set consistent
 * again: forward when every new file had arrived (the backups are deleted), else back (every destination gets its
 * earlier content, new files that had arrived are deleted), then deletes every copy.
 */
final class CommitJournal {

    private static final String PREFIX = ".lemsbridge-commit.";
    private static final String SUFFIX = ".json";

    /**
     * One destination of the commit.
     *
     * @param destination where the new content goes
     * @param backup      where the earlier content is moved first, or null when there was none
     * @param staged      the staged temporary moved onto the destination
     */
    record Entry(String destination, String backup, String staged) {
    }

    /** The document: the process that commits, every copy of this journal, and the moves in order. */
    record Intent(long pid, List<String> copies, List<Entry> entries) {
    }

    private final List<Path> copies;

    private CommitJournal(List<Path> copies) {
        this.copies = copies;
    }

    /** Writes the journal of {@code entries} in every folder a destination is in, before the first move. */
    static CommitJournal write(long pid, List<Entry> entries) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        for (Entry entry : entries) {
            folders.add(Path.of(entry.destination()).getParent());
        }
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        List<Path> copies = new ArrayList<>();
        for (Path folder : folders) {
            copies.add(folder.resolve(PREFIX + pid + "." + random + SUFFIX));
        }
        CommitJournal journal = new CommitJournal(copies);
        String text = text(new Intent(pid, Mapped.list(copies, Path::toString), entries));
        try {
            for (Path copy : copies) {
                Files.writeString(copy, text);
            }
        } catch (IOException e) {
            journal.delete();
            throw e;
        }
        return journal;
    }

    /**
     * The journal's text: what {@link Json#data} makes of {@code intent}, written with the streaming generator
     * because data binding's first use (the ObjectMapper, the records' introspection) cost a short run about a tenth
     * of a second of its main thread. {@link #recover} reads it back by data binding.
     */
    static String text(Intent intent) {
        return Json.pretty(json -> {
            json.writeStartObject();
            json.writeNumberField("pid", intent.pid());
            Json.stringsField(json, "copies", intent.copies());
            json.writeArrayFieldStart("entries");
            for (Entry entry : intent.entries()) {
                json.writeStartObject();
                Json.stringOrNullField(json, "destination", entry.destination());
                Json.stringOrNullField(json, "backup", entry.backup());
                Json.stringOrNullField(json, "staged", entry.staged());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** Deletes every copy: the commit is over. */
    void delete() {
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // a copy left behind names moves that are all settled: the next command finds nothing to do
            }
        }
    }

    /**
     * Settles every commit journal in {@code folder} whose process is gone: the set it names is made all new (when
     * every new file had arrived) or all as it was, and the journal's copies are deleted. A journal that cannot be
     * read was being written when its process died, before any move: it is deleted.
     */
    static void recover(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        for (Path journal : Staging.named(folder, PREFIX, SUFFIX)) {
            String name = journal.getFileName().toString();
            String middle = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
            if (!Staging.ownerIsGone(middle) || !Files.exists(journal)) {
                continue;
            }
            Intent intent;
            try {
                intent = Json.read(journal, Intent.class);
            } catch (BadInputException unreadable) {
                Files.deleteIfExists(journal);
                continue;
            }
            settle(intent.entries());
            for (String copy : intent.copies()) {
                Files.deleteIfExists(Path.of(copy));
            }
            Files.deleteIfExists(journal);
        }
    }

    /** Makes the destinations all new, when every new file had arrived, or else all as they were. */
    private static void settle(List<Entry> entries) throws IOException {
        boolean allArrived = Mapped.all(entries, CommitJournal::arrived);
        if (allArrived) {
            for (Entry entry : entries) {
                if (entry.backup() != null) {
                    Staging.deleteTree(Path.of(entry.backup()));
                }
            }
            return;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            Path destination = Path.of(entry.destination());
            Path backup = entry.backup() == null ? null : Path.of(entry.backup());
            boolean movedAside = backup != null && Files.exists(backup, LinkOption.NOFOLLOW_LINKS);
            if (arrived(entry) && (backup == null || movedAside)) {
                Staging.deleteTree(destination);
            }
            if (movedAside) {
                move(backup, destination);
            }
            Staging.deleteTree(Path.of(entry.staged()));
        }
    }

    /** Whether the entry's new file is at its destination: its staged temporary is gone and the destination is there. */
    private static boolean arrived(Entry entry) {
        return !Files.exists(Path.of(entry.staged()), LinkOption.NOFOLLOW_LINKS)
                && Files.exists(Path.of(entry.destination()), LinkOption.NOFOLLOW_LINKS);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
