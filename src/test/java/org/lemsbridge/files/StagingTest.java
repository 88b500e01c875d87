package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aDestinationThatIsAFolderIsRefusedBeforeAnythingIsWritten() throws IOException {
        Files.createDirectories(folder.resolve("a.dat"));
        try (Staging staging = Staging.create()) {
            IOException e = assertThrows(IOException.class, () -> staging.open(folder.resolve("a.dat")));
            assertEquals("is a folder", OutputFailure.reason(e));
        }
        assertTrue(Files.isDirectory(folder.resolve("a.dat")));
        assertEquals(List.of("a.dat"), names());
    }
}
