package org.lemsbridge.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a command makes folders and whole files: straight in place ({@link #IN_PLACE}, each file through a temporary
 * beside it) or inside a folder that is staged as a whole ({@link StagedFolder}).
 */
public interface FolderWrites {

    /** Makes {@code folder} and its missing parents; returns it. */
    Path createFolders(Path folder) throws IOException;

    /** Writes {@code bytes} as the whole of {@code file} (its folder is made when missing). */
    void write(Path file, byte[] bytes) throws IOException;

    /** Writes {@code text} (UTF-8) as the whole of {@code file}. */
    default void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Each file written to a temporary beside it and moved into place when complete. */
    FolderWrites IN_PLACE = new FolderWrites() {
        @Override
        public Path createFolders(Path folder) throws IOException {
            return Files.createDirectories(folder);
        }

        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.writeBytes(file, bytes);
        }
    };
}
