package org.lemsbridge.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** {@code -I DIR}, repeatable: the folders searched for {@code <Include>}d files, as jLEMS's {@code -cp}. */
final class IncludePathOption {
    @Option(names = {"-I", "--include"}, paramLabel = "DIR",
            description = "a folder to search for <Include>d files (repeatable)")
    List<Path> folders = new ArrayList<>();
}
