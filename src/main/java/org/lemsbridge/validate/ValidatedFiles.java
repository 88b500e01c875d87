package org.lemsbridge.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * The files a validate command line names: files as given, folders walked (at most {@value #DEEPEST} levels) for
 * the files {@link FileKind#walked} accepts, in sorted order, skipping hidden files and folders.
 */
public final class ValidatedFiles {

    private static final int DEEPEST = 20;

    private ValidatedFiles() {
    }

    public static List<Path> expand(List<Path> given) {
        List<Path> files = new ArrayList<>();
        for (Path path : given) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> walk = Files.walk(path, DEEPEST)) {
                walk.filter(Files::isRegularFile).filter(FileKind::walked)
                        .filter(file -> !hidden(path.relativize(file))).sorted().forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                throw new BadInputException(SourceLocation.unknown(path.toString()), "cannot walk the folder: "
                        + e.getMessage());
            }
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
