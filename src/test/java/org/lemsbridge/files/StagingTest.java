package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.IoFailure;

class StagingTest {
    @TempDir
    Path folder;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aMoveThatFailsHalfWayPutsBackWhatWasReplaced() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "old a");
        Files.writeString(folder.resolve("b.txt"), "old b");
        Staging staging = Staging.create();
        staging.writeString(folder.resolve("a.txt"), "new a");
        staging.writeString(folder.resolve("b.txt"), "new b");
        staging.writeString(folder.resolve("c.txt"), "new c");
        Files.delete(staging.temporaryOf(folder.resolve("b.txt"))); // b's move fails after a's succeeded

        OutputFailure failure = assertThrows(OutputFailure.class, staging::commit);
        staging.close();

        assertEquals(folder.resolve("b.txt").toAbsolutePath(), failure.destination());
        assertEquals("old a", Files.readString(folder.resolve("a.txt")));
        assertEquals("old b", Files.readString(folder.resolve("b.txt")));
        assertEquals(List.of("a.txt", "b.txt"), names());
    }

    @Test
    void everyStagedFileArrivesTogetherAndClosingBeforeLeavesNothing() throws IOException {
        Files.writeString(folder.resolve("a.txt"), "old a");
        try (Staging abandoned = Staging.create()) {
            abandoned.writeString(folder.resolve("a.txt"), "new a");
            abandoned.writeString(folder.resolve("sub/b.txt"), "new b");
            assertEquals("old a", Files.readString(folder.resolve("a.txt")));
        }
        assertEquals("old a", Files.readString(folder.resolve("a.txt")));
        assertEquals(List.of(), Files.list(folder.resolve("sub")).toList());
        Files.delete(folder.resolve("sub"));
        try (Staging staging = Staging.create()) {
            staging.writeString(folder.resolve("a.txt"), "new a");
            staging.writeString(folder.resolve("sub/b.txt"), "new b");
            staging.commit();
        }
        assertEquals("new a", Files.readString(folder.resolve("a.txt")));
        assertEquals("new b", Files.readString(folder.resolve("sub/b.txt")));
        assertEquals(List.of("a.txt", "sub"), names());
    }

    @Test
    void temporariesOfProcessesThatAreGoneAreRemoved() throws IOException {
        Files.writeString(folder.resolve(".a.txt.999999999.x1.tmp"), "left by a killed run");
        Path old = Files.writeString(folder.resolve(".a.txt.x2.tmp"), "left by an older version");
        Files.setLastModifiedTime(old, FileTime.fromMillis(0));
        Files.writeString(folder.resolve(".a.txt.1.x3.tmp"), "process 1 still runs");
        Files.writeString(folder.resolve(".other.txt.999999999.x4.tmp"), "another destination's");
        try (Staging staging = Staging.create()) {
            staging.writeString(folder.resolve("a.txt"), "new a");
            staging.commit();
        }
        assertEquals(List.of(".a.txt.1.x3.tmp", ".other.txt.999999999.x4.tmp", "a.txt"), names());
    }

    @Test
    void temporariesOfADestinationWhoseNameHasGlobCharactersAreFoundAsThemselves() throws IOException {
        Files.writeString(folder.resolve(".v[1]{x}*.dat.999999999.x1.tmp"), "left by a killed run");
        Files.writeString(folder.resolve(".v1x.dat.999999999.x2.tmp"), "another destination's, matched by the glob");
        try (Staging staging = Staging.create()) {
            staging.writeString(folder.resolve("v[1]{x}*.dat"), "new");
            staging.commit();
        }
        assertEquals(List.of(".v1x.dat.999999999.x2.tmp", "v[1]{x}*.dat"), names());
        assertEquals(ProcessHandle.current().pid(), ProcessId.current());
    }

    @Test
    void aDestinationThatIsAFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(folder.resolve("a.dat"));
        try (Staging staging = Staging.create()) {
            IOException e = assertThrows(IOException.class, () -> staging.open(folder.resolve("a.dat")));
            assertEquals("is a folder", IoFailure.reason(e));
        }
        assertTrue(Files.isDirectory(folder.resolve("a.dat")));
        assertEquals(List.of("a.dat"), names());
    }

    @Test
    void nothingIsMadeInAStagedFolderOnceTheStagingIsClosed() throws Exception {
        Staging staging = Staging.create();
        StagedFolder report = staging.folder(folder.resolve("report"));
        CountDownLatch writing = new CountDownLatch(20);
        AtomicReference<Exception> refusal = new AtomicReference<>();
        Thread caseThread = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    Path output = report.createFolders(report.path().resolve("cases/c" + i + "/output"));
                    report.write(output.getParent().resolve("thumbnail.png"), new byte[1000]);
                    try (Staging outputs = report.staging(Staging.Writes.DISK)) {
                        outputs.writeString(output.resolve("a.dat"), "0 1\n");
                        outputs.commit();
                    }
                    writing.countDown();
                }
            } catch (Exception e) {
                refusal.set(e);
            }
        });
        caseThread.start();
        writing.await();
        staging.close();
        assertEquals(List.of(), names(), "nothing left once close returns");
        caseThread.join(10_000);
        Throwable refused = refusal.get();
        while (refused.getCause() != null) {
            refused = refused.getCause(); // refused at a creation, or at the outputs' commit (which says why)
        }
        assertEquals("the command is ending: nothing more is written", refused.getMessage());
        assertEquals(List.of(), names(), "and nothing made again");
    }

    @Test
    void aBackupLeftByAKilledCommitIsPutBackWhenTheNewFileNeverArrived() throws Exception {
        long gone = goneProcess();
        Files.writeString(folder.resolve(".a.txt." + gone + ".x1.bak"), "old a");
        Files.writeString(folder.resolve("b.txt"), "new b");
        Files.writeString(folder.resolve(".b.txt." + gone + ".x2.bak"), "old b");
        Path oldReport = Files.createDirectories(folder.resolve(".report." + gone + ".x3.bak/cases"));
        Files.writeString(oldReport.getParent().resolve("summary.json"), "{}");
        Files.writeString(folder.resolve(".c.txt.1.x4.bak"), "process 1 still runs");
        try (Staging staging = Staging.create()) {
            staging.writeString(folder.resolve("a.txt"), "newer a");
            staging.writeString(folder.resolve("b.txt"), "newer b");
            staging.folder(folder.resolve("report"));
            staging.writeString(folder.resolve("c.txt"), "c");
        }
        assertEquals(List.of(".c.txt.1.x4.bak", "a.txt", "b.txt", "report"), names());
        assertEquals("old a", Files.readString(folder.resolve("a.txt")), "moved aside, the new one never came");
        assertEquals("new b", Files.readString(folder.resolve("b.txt")), "the new one had arrived whole");
        assertEquals("{}", Files.readString(folder.resolve("report/summary.json")));
    }

    private static long goneProcess() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
