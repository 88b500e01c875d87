package org.lemsbridge.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one YAML mapping that the model does not interpret, in document order, with their raw
 * values, so that reading and writing a document loses nothing.
 */
public record Extras(Map<String, RawValue> fields) {

    public static final Extras NONE = new Extras(Map.of());

    public Extras {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The raw value of {@code key}, or null. */
    public RawValue get(String key) {
        return fields.get(key);
    }
}
