package org.lemsbridge.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that cannot be read or written is one line: the path as given, what failed, the system's reason. */
class IoFailureTest {

    @Test
    void aDestinationIsNamedWithoutALineAndColumn() {
        Path out = Path.of("out", "a.dat");
        BadInputException full = IoFailure.cannotWrite(out, new FileSystemException(
                "/tmp/out/.a.dat.123.tmp", null, "No space left on device"));
        assertEquals(out + ": cannot write: No space left on device", full.oneLine());
        assertEquals(BadInputException.Kind.IO_FAILURE, full.kind());
        assertEquals(new SourceLocation(out.toString(), 0, 0), full.location(), "JSON reports keep line and column 0");
        assertEquals("junit.xml: cannot write: is a folder", IoFailure.cannotWrite(Path.of("junit.xml"), "is a folder")
                .oneLine());
    }

    @Test
    void theReasonLeavesOutThePathsJavaAddsToIt() {
        assertEquals("in.dat: cannot read: no such file or folder",
                IoFailure.cannotRead("in.dat", new NoSuchFileException("/somewhere/in.dat")).oneLine());
        assertEquals("in.dat: cannot read: permission denied",
                IoFailure.cannotRead("in.dat", new AccessDeniedException("/somewhere/in.dat")).oneLine());
        assertEquals("in.dat: cannot read: stream closed",
                IoFailure.cannotRead("in.dat", new IOException("stream closed")).oneLine());
    }

    @Test
    void aFolderReadAsAFileGivesTheSystemsReason(@TempDir Path dir) {
        IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Files.readString(dir));
        assertEquals(dir + ": cannot read: Is a directory", IoFailure.cannotRead(dir, failure).oneLine());
    }

    @Test
    void otherProblemsKeepTheirLineAndColumn() {
        assertEquals("m.xml:3:7: unknown element",
                new BadInputException(new SourceLocation("m.xml", 3, 7), "unknown element").oneLine());
        assertEquals("m.xml:0:0: the document has no root element",
                new BadInputException(SourceLocation.unknown("m.xml"), "the document has no root element").oneLine());
    }
}
