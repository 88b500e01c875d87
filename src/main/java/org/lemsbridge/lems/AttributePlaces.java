package org.lemsbridge.lems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Where an attribute is written: the reader keeps only where an element starts, so the attribute is looked up in
 * the element's start tag in the file's text. Where the text cannot be read (a bundled file, a file gone since) or
 * the attribute is not found, the element's own place is kept. One instance reads each file once.
 */
public final class AttributePlaces {

    /** An element longer than this is not searched further for its attribute. */
    private static final int MAX_TAG = 100_000;

    private final Map<String, Lines> texts = new HashMap<>();

    private record Lines(String text, int[] starts) {
        int offset(int line, int column) {
            return line < 1 || line > starts.length ? -1 : starts[line - 1] + Math.max(0, column - 1);
        }

        SourceLocation at(String file, int offset) {
            int index = Arrays.binarySearch(starts, offset);
            int line = index >= 0 ? index : -index - 2;
            return new SourceLocation(file, line + 1, offset - starts[line] + 1);
        }
    }

    /**
     * {@code problem}, a bad value of {@code attribute} of the element where {@code problem} is, moved to the
     * attribute's own place (the same problem when the attribute is not found in the file's text).
     */
    public static BadInputException atAttribute(BadInputException problem, String attribute) {
        SourceLocation place = new AttributePlaces().of(problem.location(), attribute);
        return place.equals(problem.location()) ? problem : new BadInputException(problem.kind(), place,
                problem.getMessage(), problem.hint(), problem.getCause());
    }

    /** The place of {@code attribute} in the start tag of the element at {@code element}. */
    public SourceLocation of(SourceLocation element, String attribute) {
        if (attribute == null || element.line() <= 0) {
            return element;
        }
        Lines lines = texts.computeIfAbsent(element.file(), AttributePlaces::read);
        if (lines == null) {
            return element;
        }
        int start = lines.offset(element.line(), element.column());
        if (start < 0 || start >= lines.text().length() || lines.text().charAt(start) != '<') {
            return element;
        }
        int end = endOfTag(lines.text(), start);
        Matcher found = Pattern.compile("\\s(" + Pattern.quote(attribute) + ")\\s*=").matcher(lines.text())
                .region(start, end);
        return found.find() ? lines.at(element.file(), found.start(1)) : element;
    }

    /** The offset of the {@code >} that closes the start tag at {@code start}, skipping quoted values. */
    private static int endOfTag(String text, int start) {
        int limit = Math.min(text.length(), start + MAX_TAG);
        char quote = 0;
        for (int i = start; i < limit; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return limit;
    }

    private static Lines read(String file) {
        if (file.startsWith("bundled:")) {
            return null;
        }
        try {
            String text = Files.readString(Path.of(file));
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int line = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts[line++] = i + 1;
                }
            }
            return new Lines(text, starts);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
