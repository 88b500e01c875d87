package org.lemsbridge.convert;

import org.lemsbridge.error.SourceLocation;

/**
 * An expression string from the YAML together with where its first character sits in the file, so that a column
 * inside the string (1-based) becomes a file position. An experiment built in code (an import) has no file
 * positions: {@code start} is null there, and so is every position found in it.
 */
record RhsText(String text, SourceLocation start, String what) {

    /** The file position of the 1-based column {@code column} of {@link #text}. */
    SourceLocation at(int column) {
        return start == null ? null : start.shiftedBy(Math.max(1, column) - 1);
    }

    /** The part {@code [from, to)} of this text, keeping its file position. */
    RhsText slice(int from, int to, String sliceWhat) {
        return new RhsText(text.substring(from, to), start == null ? null : start.shiftedBy(from), sliceWhat);
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
