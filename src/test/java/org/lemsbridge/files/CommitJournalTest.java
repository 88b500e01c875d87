package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit of several files killed between two of its moves (SIGKILL: no rollback, no shutdown hook) is settled by the
 * next command writing in one of its folders: all new when every new file had arrived, else all as it was, and
 * nothing of it left (no temporary, backup or journal).
 */
class CommitJournalTest {
    /** A process id no process has (above Linux's largest). */
    private static final long GONE = 999_999_999L;

    @TempDir
    Path folder;

    /** Every file under the folder (hidden ones too) with its text; folders as "folder". */
    private Map<String, String> tree() throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> !p.equals(folder)).toList()) {
                entries.put(folder.relativize(path).toString(), Files.isDirectory(path) ? "folder"
                        : Files.readString(path));
            }
        }
        return entries;
    }

    private static Map<String, String> allOld(String next) {
        Map<String, String> tree = new TreeMap<>(Map.of("a.txt", "old a", "b.txt", "old b", "sub", "folder",
                "report", "folder", "report/cases", "folder", "report/index.html", "old report",
                "report/cases/one.txt", "old case"));
        tree.put(next, "next run");
        return tree;
    }

    private static Map<String, String> allNew(String next) {
        Map<String, String> tree = new TreeMap<>(Map.of("a.txt", "new a", "b.txt", "new b", "sub", "folder",
                "sub/c.txt", "new c", "report", "folder", "report/cases", "folder", "report/index.html", "new report",
                "report/cases/two.txt", "new case"));
        tree.put(next, "next run");
        return tree;
    }

    /** The next command: it writes one file of its own, in the commit's first folder or in its second. */
    private void nextRun(String file) throws IOException {
        try (Staging staging = Staging.create()) {
            staging.writeString(folder.resolve(file), "next run");
            staging.commit();
        }
    }

    /** The journal is written without data binding, in the very bytes data binding writes, and read back by it. */
    @Test
    void theJournalTextIsWhatDataBindingWritesAndReadsBackEqual() throws IOException {
        List<CommitJournal.Intent> intents = List.of(
                new CommitJournal.Intent(0, List.of(), List.of()),
                new CommitJournal.Intent(GONE, List.of("/a/.lemsbridge-commit.1.x.json"),
                        List.of(new CommitJournal.Entry("/a/b.dat", null, "/a/.b.dat.tmp"))),
                new CommitJournal.Intent(-1, List.of("c1", "c2"), List.of(
                        new CommitJournal.Entry("/d/\"q\"\\ \u00e9\u4e2d\t\n\u0001\u007f\ud83d\ude00",
                                "/d/back up", "/d/s"),
                        new CommitJournal.Entry("", "", ""),
                        new CommitJournal.Entry("x", null, null))),
                new CommitJournal.Intent(Long.MAX_VALUE, List.of("</script>", "&<>'"), List.of(
                        new CommitJournal.Entry("d", "b", "s"))));
        for (CommitJournal.Intent intent : intents) {
            String text = CommitJournal.text(intent);
            assertEquals(Json.data(intent), text);
            Path file = folder.resolve("journal.json");
            Files.writeString(file, text);
            assertEquals(intent, Json.read(file, CommitJournal.Intent.class));
        }
    }

    @Test
    void aCommitStoppedAfterAnyNumberOfMovesIsSettledAllOldOrAllNewByTheNextRun() throws IOException {
        for (String next : List.of("other.txt", "sub/other.txt")) {
            for (int moves = 0; moves <= InterruptedCommit.MOVES; moves++) {
                clear();
                InterruptedCommit.earlier(folder);
                Staging killed = Staging.create(Staging.Writes.DISK, GONE,
                        InterruptedCommit.stoppingAfter(moves, () -> {
                            throw new InterruptedCommit.Stopped();
                        }));
                InterruptedCommit.stage(killed, folder);
                assertThrows(InterruptedCommit.Stopped.class, killed::commit);
                Map<String, String> left = tree();
                if (moves == 2) {
                    // without the journal this mix would stay: a new, b old
                    assertEquals("new a", left.get("a.txt"));
                    assertEquals("old b", left.get("b.txt"));
                }
                assertTrue(left.keySet().stream().anyMatch(name -> name.contains(".lemsbridge-commit." + GONE)),
                        left.keySet().toString());

                nextRun(next);

                String where = "stopped after " + moves + " of " + InterruptedCommit.MOVES + " moves, next run writes "
                        + next;
                assertEquals(moves == InterruptedCommit.MOVES ? allNew(next) : allOld(next), tree(), where);
            }
        }
    }

    @Test
    void theJournalOfAProcessThatStillRunsIsLeftAlone() throws IOException {
        InterruptedCommit.earlier(folder);
        Staging running = Staging.create(Staging.Writes.DISK, 1, InterruptedCommit.stoppingAfter(3, () -> {
            throw new InterruptedCommit.Stopped();
        }));
        InterruptedCommit.stage(running, folder);
        assertThrows(InterruptedCommit.Stopped.class, running::commit);
        Map<String, String> before = tree();

        nextRun("other.txt");

        Map<String, String> after = tree();
        after.remove("other.txt");
        assertEquals(before, after);
    }

    @Test
    void aJournalLeftHalfWrittenIsDeletedAndNothingElseIsTouched() throws IOException {
        InterruptedCommit.earlier(folder);
        Files.writeString(folder.resolve(".lemsbridge-commit." + GONE + ".x1.json"), "{\"pid\": 9999999");

        nextRun("other.txt");

        assertEquals(allOld("other.txt"), tree());
    }

    @Test
    void aCommitKilledWithSigkillBetweenTwoMovesIsSettledByTheNextRun() throws IOException, InterruptedException {
        for (int moves : new int[] {1, 4, InterruptedCommit.MOVES}) {
            clear();
            InterruptedCommit.earlier(folder);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    InterruptedCommit.class.getName(), folder.toString(), String.valueOf(moves))
                    .redirectErrorStream(true).start();
            List<String> said = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && !line.equals("stopped"); line = out.readLine()) {
                    said.add(line);
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
                assertTrue(child.waitFor(1, TimeUnit.MINUTES));
            }
            assertEquals(137, child.exitValue(), String.join("\n", said));
            assertNotEquals(allOld("other.txt"), withNext(tree(), "other.txt"), "the kill came after " + moves
                    + " moves, when the files were no longer as they were");

            nextRun("other.txt");

            assertEquals(moves == InterruptedCommit.MOVES ? allNew("other.txt") : allOld("other.txt"), tree(),
                    "killed after " + moves + " moves");
        }
    }

    private static Map<String, String> withNext(Map<String, String> tree, String next) {
        Map<String, String> with = new TreeMap<>(tree);
        with.put(next, "next run");
        return with;
    }

    private void clear() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> !p.equals(folder)).sorted((x, y) -> y.compareTo(x)).toList()) {
                Files.delete(path);
            }
        }
    }
}
