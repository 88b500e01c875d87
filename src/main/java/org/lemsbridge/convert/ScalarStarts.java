package org.lemsbridge.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lemsbridge.error.SourceLocation;

/**
 * Finds where the text of a YAML scalar starts. The experiment reader gives the scalar's start mark, which for a
 * quoted scalar is the quote; the expression text then starts one column later. Reads the source file once per
 * file; when it cannot be read the location is used as given.
 */
final class ScalarStarts {
    private final Map<String, List<String>> linesByFile = new HashMap<>();

    SourceLocation textStart(SourceLocation scalar) {
        if (scalar == null || scalar.line() <= 0 || scalar.column() <= 0) {
            return scalar;
        }
        List<String> lines = linesByFile.computeIfAbsent(scalar.file(), ScalarStarts::readLines);
        if (scalar.line() > lines.size()) {
            return scalar;
        }
        String line = lines.get(scalar.line() - 1);
        int index = scalar.column() - 1;
        if (index < line.length() && (line.charAt(index) == '"' || line.charAt(index) == '\'')) {
            return scalar.shiftedBy(1);
        }
        return scalar;
    }

    private static List<String> readLines(String file) {
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                return List.of();
            }
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | SecurityException e) {
            return List.of();
        }
    }
}
