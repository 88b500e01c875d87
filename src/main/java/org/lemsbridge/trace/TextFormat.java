package org.lemsbridge.trace;

/** How the fields of a trace file are separated. */
public enum TextFormat {
    /** jLEMS: one TAB after every field, including the last. */
    TAB,
    /** pyLEMS and numpy: runs of blanks. */
    WHITESPACE,
    /** Comma separated, normally with a header line. */
    CSV;

    static TextFormat detect(String firstLine) {
        if (firstLine.indexOf('\t') >= 0) {
            return TAB;
        }
        if (firstLine.indexOf(',') >= 0) {
            return CSV;
        }
        return WHITESPACE;
    }
}
