package org.lemsbridge.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A YAML value kept exactly as written, for fields the model does not know. Carries no source location,
 * so record equality is the round-trip comparison. Merge keys and aliases are already expanded.
 */
public sealed interface RawValue permits RawValue.Scalar, RawValue.Sequence, RawValue.Mapping {

    /**
     * A scalar: its text and its resolved YAML type ({@code str}, {@code int}, {@code float}, {@code bool},
     * {@code null}, {@code timestamp}, {@code binary}). The quoting style is not kept; the writer quotes
     * whenever the plain form would resolve to another type.
     */
    record Scalar(String text, String type) implements RawValue {
        public Scalar {
            Objects.requireNonNull(text);
            Objects.requireNonNull(type);
        }

        public static Scalar string(String text) {
            return new Scalar(text, "str");
        }
    }

    /** A sequence, in order. */
    record Sequence(List<RawValue> items) implements RawValue {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping with string keys, in document order. */
    record Mapping(Map<String, RawValue> entries) implements RawValue {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }
}
