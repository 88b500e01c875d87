package org.lemsbridge.compare.omv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.YamlLoader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * OMT/MEP YAML read as located values (mappings, lists and scalars), under {@link YamlLoader}'s limits, so every
 * complaint names the line and column it is about.
 */
final class OmvYaml {

    /**
     * A YAML value: a {@code Map<String, Value>}, a {@code List<Value>}, a String or null, with where it starts and,
     * for a mapping's entry, where its key is written.
     */
    record Value(Object content, SourceLocation location, SourceLocation key) {

        boolean isMapping() {
            return content instanceof Map<?, ?>;
        }

        /** The entries of a mapping; null (an empty entry, as in {@code file:}) counts as an empty mapping. */
        @SuppressWarnings("unchecked")
        Map<String, Value> mapping(String what) {
            if (content == null) {
                return Map.of();
            }
            if (content instanceof Map<?, ?> map) {
                return (Map<String, Value>) map;
            }
            throw new BadInputException(location, what + " must be a mapping, not '" + abbreviated() + "'");
        }

        @SuppressWarnings("unchecked")
        List<Value> list(String what) {
            if (content instanceof List<?> list) {
                return (List<Value>) list;
            }
            throw new BadInputException(location, what + " must be a list, not '" + abbreviated() + "'");
        }

        String text(String what) {
            if (content instanceof String text) {
                return text;
            }
            throw new BadInputException(location, what + " must be a single value");
        }

        /** Python's {@code float(x)}, which OMV applies to thresholds and tolerances: numbers and numeric text. */
        double number(String what) {
            if (content instanceof String text) {
                try {
                    return Double.parseDouble(text.strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new BadInputException(location, what + " must be a number, not '" + abbreviated() + "'");
        }

        int integer(String what) {
            double number = number(what);
            if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
                throw new BadInputException(location, what + " must be a whole number, not '" + abbreviated() + "'");
            }
            return (int) number;
        }

        List<Double> numbers(String what) {
            List<Double> numbers = new ArrayList<>();
            for (Value item : list(what)) {
                numbers.add(item.number(what));
            }
            return List.copyOf(numbers);
        }

        private String abbreviated() {
            String text = content instanceof String s ? s : content instanceof List<?> ? "a list" : "a mapping";
            return text.length() > 40 ? text.substring(0, 40) + "..." : text;
        }
    }

    private OmvYaml() {
    }

    static Value load(Path file) {
        Node root = YamlLoader.compose(YamlLoader.readText(file), file.toString());
        if (root == null) {
            return new Value(Map.of(), SourceLocation.of(file, 1, 1), null);
        }
        Value value = value(root, file);
        if (!value.isMapping()) {
            throw new BadInputException(SourceLocation.of(file, 1, 1), "expected a YAML mapping at the top level");
        }
        return value;
    }

    /** Refuses a key OMV would not read, naming the nearest one it would. */
    static void onlyKnownKeys(Map<String, Value> mapping, Collection<String> known, String where) {
        for (Map.Entry<String, Value> entry : mapping.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String hint = NearestName.among(known, entry.getKey()).map(name -> "did you mean '" + name + "'?")
                        .orElse("known here: " + String.join(", ", known.stream().sorted().toList()));
                throw new BadInputException(entry.getValue().key(), "'" + entry.getKey() + "' is not a key OMV reads in "
                        + where, hint);
            }
        }
    }

    private static Value value(Node node, Path file) {
        SourceLocation location = location(node, file);
        if (node instanceof MappingNode mapping) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new BadInputException(location(tuple.getKeyNode(), file), "a key must be a plain name");
                }
                Value value = value(tuple.getValueNode(), file);
                SourceLocation keyAt = location(key, file);
                entries.put(key.getValue(), new Value(value.content(), value.content() == null ? keyAt
                        : value.location(), keyAt));
            }
            return new Value(entries, location, null);
        }
        if (node instanceof SequenceNode sequence) {
            List<Value> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(value(item, file));
            }
            return new Value(items, location, null);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new Value(scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue(), location, null);
    }

    private static SourceLocation location(Node node, Path file) {
        return YamlLoader.at(file.toString(), node.getStartMark());
    }
}
