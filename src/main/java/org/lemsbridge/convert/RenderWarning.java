package org.lemsbridge.convert;

import java.util.Objects;

import org.lemsbridge.error.SourceLocation;

/**
 * Something the user should know about a rendering, and the place in the YAML it concerns (null when it concerns the
 * file as a whole), so that {@code validate} can annotate that line.
 */
public record RenderWarning(String message, SourceLocation location) {
    public RenderWarning {
        Objects.requireNonNull(message);
    }
}
