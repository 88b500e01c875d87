package org.lemsbridge.error;

import java.util.Arrays;

/** Where each line of a text starts, to turn a character offset into a line and column and back. */
public final class TextLines {

    private final int[] starts;

    private TextLines(int[] starts) {
        this.starts = starts;
    }

    public static TextLines of(String text) {
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[line++] = i + 1;
        }
        return new TextLines(starts);
    }

    /** The offset of 1-based {@code line} and {@code column}, or -1 when the text has no such line. */
    public int offset(int line, int column) {
        return line < 1 || line > starts.length ? -1 : starts[line - 1] + Math.max(0, column - 1);
    }

    /** The 1-based line and column of {@code offset} in {@code file}. */
    public SourceLocation at(String file, int offset) {
        int index = Arrays.binarySearch(starts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new SourceLocation(file, line + 1, offset - starts[line] + 1);
    }
}
