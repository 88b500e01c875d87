package org.lemsbridge.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every file lemsbridge writes goes through here: a hidden temporary file beside its destination, moved into place only
 * when complete, so a failed or interrupted command never leaves a partial output file. Temporary files get the
 * default permissions (the umask decides), like any other new file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** A new empty temporary file in the destination's folder. */
    public static Path temporaryFor(Path destination) throws IOException {
        Path absolute = destination.toAbsolutePath();
        Path folder = absolute.getParent();
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(folder.resolve("." + absolute.getFileName() + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code temporary} onto {@code destination}, atomically where the file system can. */
    public static void moveIntoPlace(Path temporary, Path destination) throws IOException {
        try {
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code destination} through a temporary file. */
    public static void writeString(Path destination, String text) throws IOException {
        Path temporary = temporaryFor(destination);
        try {
            Files.writeString(temporary, text);
            moveIntoPlace(temporary, destination);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes {@code bytes} to {@code destination} through a temporary file. */
    public static void writeBytes(Path destination, byte[] bytes) throws IOException {
        Path temporary = temporaryFor(destination);
        try {
            Files.write(temporary, bytes);
            moveIntoPlace(temporary, destination);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
