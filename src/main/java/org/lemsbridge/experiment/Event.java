package org.lemsbridge.experiment;

import org.lemsbridge.error.SourceLocation;

/**
 * A discrete event: when {@code condition} holds, apply {@code affect} (text like {@code "v = c; U = U + d"}).
 * {@code eventType} is null when the document gives none.
 */
public record Event(String name, Equation condition, Equation affect, String eventType, Extras extras,
        SourceLocation location) {

    public Event {
        extras = extras == null ? Extras.NONE : extras;
    }

    public Event withoutLocations() {
        return new Event(name, Equation.stripped(condition), Equation.stripped(affect), eventType, extras, null);
    }
}
