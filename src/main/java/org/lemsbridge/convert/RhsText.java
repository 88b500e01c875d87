package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
import org.lemsbridge.error.SourceLocation;

/**
 * An expression string from the YAML together with where its first character sits in the file, so that a column
 * inside the string (1-based) becomes a file position. A text put together from several scalars (an equation's
 * {@code conditionals}) has one span per scalar; a column inside a span is a position in that scalar, any other
 * column is {@code start}. An experiment built in code (an import) has no file positions: {@code start} is null
 * there, and so is every position found in it.
 */
record RhsText(String text, SourceLocation start, String what, List<Span> spans) {

    /** The characters {@code [from, to)} of the text were written at {@code start} in the file. */
    record Span(int from, int to, SourceLocation start) {
    }

    RhsText {
        spans = List.copyOf(spans);
    }

    RhsText(String text, SourceLocation start, String what) {
        this(text, start, what, List.of());
    }

    /** The file position of the 1-based column {@code column} of {@link #text}. */
    SourceLocation at(int column) {
        int offset = Math.max(1, column) - 1;
        if (spans.isEmpty()) {
            return start == null ? null : start.shiftedBy(offset);
        }
        for (Span span : spans) {
            if (offset >= span.from() && offset <= span.to()) {
                return span.start() == null ? null : span.start().shiftedBy(offset - span.from());
            }
        }
        return start;
    }

    /** The part {@code [from, to)} of this text, keeping its file position. */
    RhsText slice(int from, int to, String sliceWhat) {
        List<Span> inside = new ArrayList<>();
        for (Span span : spans) {
            if (span.to() > from && span.from() < to) {
                int first = Math.max(span.from(), from);
                inside.add(new Span(first - from, Math.min(span.to(), to) - from,
                        span.start() == null ? null : span.start().shiftedBy(first - span.from())));
            }
        }
        SourceLocation sliceStart = start == null || !spans.isEmpty() ? start : start.shiftedBy(from);
        return new RhsText(text.substring(from, to), sliceStart, sliceWhat, inside);
    }

    /** 1-based column of the first whole-word occurrence of {@code name}, or 1 when it is not found literally. */
    int columnOf(String name) {
        int from = 0;
        while (true) {
            int i = text.indexOf(name, from);
            if (i < 0) {
                return 1;
            }
            boolean startOk = i == 0 || !isWordChar(text.charAt(i - 1));
            int end = i + name.length();
            boolean endOk = end == text.length() || !isWordChar(text.charAt(end));
            if (startOk && endOk) {
                return i + 1;
            }
            from = i + 1;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
