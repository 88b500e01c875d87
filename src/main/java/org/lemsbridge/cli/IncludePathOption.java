package org.lemsbridge.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

import picocli.CommandLine.Option;

/**
 * {@code -I DIR}, repeatable, or {@code -I A:B} as jnml takes it: the folders searched for {@code <Include>}d files
 * after the including file's own folder (jLEMS's {@code -cp}). A folder that does not exist is an error.
 */
final class IncludePathOption {
    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "a folder to search for <Include>d files (repeatable; or DIR1" + ":" + "DIR2 as jnml takes it)")
    private List<String> given = new ArrayList<>();

    /** The values as given, {@code A:B} not yet split. */
    List<String> given() {
        return List.copyOf(given);
    }

    List<Path> folders() {
        return folders(given);
    }

    /** The folders {@code given} (each value as {@code -I} takes it) name; a folder that does not exist is an error. */
    static List<Path> folders(List<String> given) {
        List<Path> folders = new ArrayList<>();
        for (String option : given) {
            for (String part : option.split(File.pathSeparator)) {
                if (part.isEmpty()) {
                    continue;
                }
                Path folder = Path.of(part);
                if (!Files.isDirectory(folder)) {
                    throw new BadInputException(SourceLocation.unknown(part), "-I folder does not exist"
                            + (Files.exists(folder) ? " (it is a file)" : ""),
                            "-I names a folder that holds included files, e.g. -I ../NeuroML2CoreTypes");
                }
                folders.add(folder);
            }
        }
        return List.copyOf(folders);
    }
}
