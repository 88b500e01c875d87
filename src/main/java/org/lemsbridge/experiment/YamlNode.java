package org.lemsbridge.experiment;

import java.util.List;
import java.util.Objects;

import org.lemsbridge.error.SourceLocation;

/**
 * A composed YAML tree with includes, aliases and merge keys already resolved, each node knowing where it
 * was written (file, line, column).
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    SourceLocation location();

    /** A scalar with its resolved type (see {@link RawValue.Scalar}); {@code plain} when written unquoted. */
    record Scalar(String text, String type, boolean plain, SourceLocation location) implements YamlNode {
        boolean isNull() {
            return type.equals("null");
        }
    }

    record Sequence(List<YamlNode> items, SourceLocation location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Entry(Scalar key, YamlNode value) {
        public Entry {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        }

        String name() {
            return key.text();
        }
    }

    record Mapping(List<Entry> entries, SourceLocation location) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Entry entry(String key) {
            for (Entry e : entries) {
                if (e.name().equals(key)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** A kept value as a node, every part of it at {@code location}: what a value of the reader would have been. */
    static YamlNode of(RawValue value, SourceLocation location) {
        if (value instanceof RawValue.Scalar s) {
            return new Scalar(s.text(), s.type(), true, location);
        }
        if (value instanceof RawValue.Sequence seq) {
            return new Sequence(seq.items().stream().map(item -> of(item, location)).toList(), location);
        }
        List<Entry> entries = ((RawValue.Mapping) value).entries().entrySet().stream()
                .map(e -> new Entry(new Scalar(e.getKey(), "str", true, location), of(e.getValue(), location)))
                .toList();
        return new Mapping(entries, location);
    }

    /** The value without locations, for {@link Extras}. */
    static RawValue toRaw(YamlNode node) {
        if (node instanceof Scalar s) {
            return new RawValue.Scalar(s.text(), s.type());
        }
        if (node instanceof Sequence seq) {
            return new RawValue.Sequence(seq.items().stream().map(YamlNode::toRaw).toList());
        }
        Mapping map = (Mapping) node;
        java.util.LinkedHashMap<String, RawValue> out = new java.util.LinkedHashMap<>();
        for (Entry e : map.entries()) {
            out.put(e.name(), toRaw(e.value()));
        }
        return new RawValue.Mapping(out);
    }
}
