package org.lemsbridge.error;

import java.nio.file.Path;

/** Where in a user's file something was found; line and column are 1-based, 0 when unknown. */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file == null ? "<input>" : file.toString(), line, column);
    }

    public static SourceLocation unknown(String file) {
        return new SourceLocation(file, 0, 0);
    }

    /** Moves a column found inside an embedded string (an expression in an attribute, say) to the file. */
    public SourceLocation shiftedBy(int columnsIntoValue) {
        if (line == 0) {
            return this;
        }
        return new SourceLocation(file, line, column + Math.max(0, columnsIntoValue));
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
