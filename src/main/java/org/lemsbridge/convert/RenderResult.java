package org.lemsbridge.convert;

import java.util.List;
import java.util.Objects;

/** The rendered LEMS XML and what the user should know about it (e.g. an integration method jLEMS ignores). */
public record RenderResult(String xml, List<String> warnings) {
    public RenderResult {
        Objects.requireNonNull(xml);
        warnings = List.copyOf(warnings);
    }
}
