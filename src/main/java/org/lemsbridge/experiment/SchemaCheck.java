package org.lemsbridge.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;

/**
 * Validates a composed document against {@code /schemas/experiment.schema.json} and reports the first
 * error (in document order) at the YAML node it concerns.
 */
final class SchemaCheck {

    static final String SCHEMA_RESOURCE = "/schemas/experiment.schema.json";

    private SchemaCheck() {
    }

    static void validate(YamlNode root) {
        validate(root, 0);
    }

    /**
     * Validates a model file of TVBO's database as the {@code dynamics} of an experiment; paths in messages are the
     * file's own ({@code parameters.a}, not {@code dynamics.parameters.a}).
     */
    static void validateModel(YamlNode model) {
        SourceLocation at = model.location();
        validate(new YamlNode.Mapping(List.of(new YamlNode.Entry(new YamlNode.Scalar("dynamics", "str", true, at),
                model)), at), 1);
    }

    /** {@code hiddenLevels}: how many outer path elements the messages leave out (those of a wrapper). */
    private static void validate(YamlNode root, int hiddenLevels) {
        Set<ValidationMessage> messages = CompiledSchema.SCHEMA.validate(toJson(root));
        if (messages.isEmpty()) {
            return;
        }
        List<Located> located = messages.stream()
                .map(m -> new Located(m, locate(root, m.getInstanceLocation())))
                .sorted(Comparator.comparingInt((Located l) -> l.where().line())
                        .thenComparingInt(l -> l.where().column())
                        .thenComparing(l -> l.message().getMessage()))
                .toList();
        Located first = located.get(0);
        throw new BadInputException(first.where(), "schema: " + describe(first.message(), hiddenLevels));
    }

    /** Compiled once, on first use; a constant afterwards. */
    private static final class CompiledSchema {
        static final JsonSchema SCHEMA = schema();
    }

    private record Located(ValidationMessage message, SourceLocation where) {
    }

    private static String describe(ValidationMessage message, int hiddenLevels) {
        String text = message.getMessage();
        // networknt starts with the JSON path ("$.integration.method: ..."); show a dotted YAML path instead.
        JsonNodePath path = message.getInstanceLocation();
        String prefix = path.toString();
        if (text.startsWith(prefix + ": ")) {
            text = text.substring(prefix.length() + 2);
        }
        StringBuilder dotted = new StringBuilder();
        for (int i = hiddenLevels; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                dotted.append('[').append(index).append(']');
            } else {
                dotted.append(dotted.length() == 0 ? "" : ".").append(element);
            }
        }
        return (dotted.length() == 0 ? "the document" : dotted) + ": " + text;
    }

    private static JsonSchema schema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " missing from the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** The node at {@code path}, or the deepest existing ancestor. */
    static SourceLocation locate(YamlNode root, JsonNodePath path) {
        YamlNode node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            YamlNode next = null;
            if (element instanceof Integer index && node instanceof YamlNode.Sequence seq
                    && index < seq.items().size()) {
                next = seq.items().get(index);
            } else if (node instanceof YamlNode.Mapping map) {
                YamlNode.Entry entry = map.entry(String.valueOf(element));
                next = entry == null ? null : entry.value();
            }
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.location();
    }

    static JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.Mapping map) {
            ObjectNode object = f.objectNode();
            for (YamlNode.Entry e : map.entries()) {
                object.set(e.name(), toJson(e.value()));
            }
            return object;
        }
        if (node instanceof YamlNode.Sequence seq) {
            ArrayNode array = f.arrayNode();
            seq.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        String text = s.text().trim().replace("_", "");
        switch (s.type()) {
            case "null":
                return f.nullNode();
            case "bool":
                String t = text.toLowerCase(Locale.ROOT);
                return f.booleanNode(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"));
            case "int":
                try {
                    return f.numberNode(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    return f.numberNode(Fields.number(s, "value"));
                }
            case "float":
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.equals(".nan")) {
                    return f.numberNode(Double.NaN);
                }
                if (lower.endsWith(".inf")) {
                    return f.numberNode(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                }
                try {
                    return f.numberNode(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    return f.textNode(s.text());
                }
            default:
                return f.textNode(s.text());
        }
    }
}
