package org.lemsbridge.convert;

import java.util.ArrayList;
import java.util.List;
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

    /** The messages of {@code warnings}, in order. */
    static List<String> messages(List<RenderWarning> warnings) {
        return warnings.stream().map(RenderWarning::message).toList();
    }

    /** {@code first}, then {@code rest}: a note that says what the rest of the warnings assume. */
    static List<RenderWarning> before(RenderWarning first, List<RenderWarning> rest) {
        List<RenderWarning> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
