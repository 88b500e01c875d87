package org.lemsbridge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.error.IoFailure;
import org.lemsbridge.files.OutputFailure;
import org.lemsbridge.files.Staging;

/**
 * Writes user-requested output files all together or not at all ({@link Staging}): a failure at any file (a full
 * disk, a folder in the way) leaves every earlier output as it was, reported as one line at that file, exit 2.
 */
final class OutputFiles {
    private OutputFiles() {
    }

    /** One file a command writes, named as the user named it, and its text. */
    record Text(Path file, String text) {
    }

    /** Writes {@code files} to disk, all or none. */
    static void writeAll(List<Text> files) {
        try (Staging staging = Staging.create()) {
            writeAll(staging, files);
        }
    }

    /** Writes {@code files} through {@code staging} (which may hold files reserved earlier), all or none. */
    static void writeAll(Staging staging, List<Text> files) {
        for (Text text : files) {
            try {
                staging.writeString(text.file(), text.text());
            } catch (IOException e) {
                throw IoFailure.cannotWrite(text.file(), e);
            }
        }
        try {
            staging.commit();
        } catch (OutputFailure e) {
            Path named = files.stream().map(Text::file)
                    .filter(file -> file.toAbsolutePath().normalize().equals(e.destination()))
                    .findFirst().orElse(e.destination());
            throw IoFailure.cannotWrite(named, (IOException) e.getCause());
        }
    }

    /**
     * Stages {@code file} now, empty, so that one that cannot be written is refused before the command does its work
     * (one line at the file, exit 2, nothing written).
     */
    static void reserve(Staging staging, Path file) {
        try {
            staging.reserve(file);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(file, e);
        }
    }


    static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw IoFailure.cannotWrite(folder, e);
        }
    }

    /** Deletes a temporary folder of ours and everything in it; what cannot be deleted is left behind. */
    static void deleteTree(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
