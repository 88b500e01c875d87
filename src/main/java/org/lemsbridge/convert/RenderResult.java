package org.lemsbridge.convert;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rendered LEMS XML, what the user should know about it (e.g. an integration method jLEMS ignores) with the place
 * each concerns, and {@code declaredUnits}: for a model rendered in its own numbers, the unit its YAML declares (as
 * written, e.g. {@code mV}) for each recorded quantity that has one, by the OutputColumn's quantity; the LEMS has no
 * place for a unit that only annotates, so a run of the YAML hands these to its trace's sidecar. Empty when the model
 * is rendered with dimensions (its trace is in SI).
 */
public record RenderResult(String xml, List<RenderWarning> placedWarnings, Map<String, String> declaredUnits) {
    public RenderResult {
        Objects.requireNonNull(xml);
        placedWarnings = List.copyOf(placedWarnings);
        declaredUnits = Map.copyOf(declaredUnits);
    }

    public RenderResult(String xml, List<RenderWarning> placedWarnings) {
        this(xml, placedWarnings, Map.of());
    }

    /** The warnings' messages, in order. */
    public List<String> warnings() {
        return RenderWarning.messages(placedWarnings);
    }
}
