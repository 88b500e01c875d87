package org.lemsbridge.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits {@code serve}'s input into lines (LF or CRLF), never holding more than {@link #MAX_CHARS} of one line: the
 * rest of a longer line is skipped and the line is reported as too long.
 */
final class RequestLines {
    /** A request is a command line in JSON; a megabyte is far more than any needs. */
    static final int MAX_CHARS = 1 << 20;

    /** One line of input, or the fact that it was too long to keep. */
    record Line(String text, boolean tooLong) {
    }

    private final Reader in;
    private final int maxChars;

    RequestLines(Reader in) {
        this(in, MAX_CHARS);
    }

    RequestLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c = in.read();
        if (c < 0) {
            return null;
        }
        while (c >= 0 && c != '\n') {
            if (text.length() < maxChars) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
            c = in.read();
        }
        int end = text.length();
        if (!tooLong && end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return new Line(tooLong ? "" : text.toString(), tooLong);
    }
}
