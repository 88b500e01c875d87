package org.lemsbridge.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A folder that a {@link Staging} puts in place as a whole, while the command fills it. Everything made in it goes
 * through here (or through a {@link #staging} of its own): once the command is ending (a signal, a failure) nothing
 * more is made, so the cleanup that deletes the folder is never raced by a thread still writing into it.
 */
public final class StagedFolder implements FolderWrites {
    private final Path path;
    private final WriteGate gate;

    StagedFolder(Path path, WriteGate gate) {
        this.path = path;
        this.gate = gate;
    }

    /** Where the folder is until it is put in place. */
    public Path path() {
        return path;
    }

    @Override
    public Path createFolders(Path folder) throws IOException {
        Path inside = inside(folder);
        return gate.pass(() -> Files.createDirectories(inside));
    }

    /** Writes {@code file} (inside this folder) whole: to a temporary beside it, moved into place when complete. */
    @Override
    public void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Copies {@code source} (a regular file) to {@code file} inside this folder, whole. */
    public void copy(Path source, Path file) throws IOException {
        write(file, out -> Files.copy(source, out));
    }

    /** What fills a file. */
    @FunctionalInterface
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private void write(Path file, Content content) throws IOException {
        Path inside = inside(file);
        Path temporary = inside.resolveSibling("." + inside.getFileName() + ".part");
        OutputStream out = gate.pass(() -> {
            Files.createDirectories(inside.getParent());
            return Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        });
        try {
            try (out) {
                content.writeTo(out);
            }
            gate.pass(() -> Files.move(temporary, inside, StandardCopyOption.REPLACE_EXISTING));
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A staging for files inside this folder (a simulation's outputs in a case folder of a report): its files are
     * refused, like this folder's, once the command is ending.
     */
    public Staging staging(Staging.Writes writes) {
        return Staging.sharing(gate, writes);
    }

    private Path inside(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(path)) {
            throw new IllegalArgumentException(file + " is not inside the staged folder " + path);
        }
        return absolute;
    }
}
