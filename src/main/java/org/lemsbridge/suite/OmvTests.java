package org.lemsbridge.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/** The OMV tests named on a command line: files as given, folders searched for every {@code *.omt}, as {@code omv all}. */
public final class OmvTests {
    private static final int MAX_DEPTH = 64;

    private OmvTests() {
    }

    /** Every test, files first as given, then each folder's {@code .omt} files (hidden ones too) in path order. */
    public static List<Path> find(List<Path> paths) {
        List<Path> tests = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path, MAX_DEPTH)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".omt") && Files.isRegularFile(f)).sorted()
                            .forEach(tests::add);
                } catch (IOException e) {
                    throw new BadInputException(SourceLocation.unknown(path.toString()), "cannot list the folder: "
                            + e.getMessage());
                } catch (UncheckedIOException e) {
                    throw new BadInputException(SourceLocation.unknown(path.toString()), "cannot list the folder: "
                            + e.getCause().getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                tests.add(path);
            } else {
                throw new BadInputException(SourceLocation.unknown(path.toString()), "no such file or folder");
            }
        }
        return tests;
    }
}
