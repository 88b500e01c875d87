package org.lemsbridge.lems;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lemsbridge.error.SourceLocation;

/**
 * A component with its resolved type, numeric values in SI (parameters, derived parameters, fixed values and
 * type constants), string values (Text, Path, ComponentReference, Link) and nested components in document order.
 * {@code role} is the Child or Children name it was nested under, or null for a top-level component. The maps
 * are unmodifiable copies in insertion order (compact ones: a model may have a component per input or connection).
 */
public record Component(
        String id,
        ComponentType type,
        String role,
        Map<String, String> attributes,
        Map<String, Double> values,
        Map<String, String> texts,
        List<Component> children,
        SourceLocation location) {

    public Component {
        attributes = CompactMap.copyOf(attributes);
        values = CompactMap.copyOf(values);
        texts = CompactMap.copyOf(texts);
        children = List.copyOf(children);
    }

    public String typeName() {
        return type.name();
    }

    public Optional<Double> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(texts.get(name));
    }

    /**
     * The value written for {@code name}: a Text, Path, ComponentReference or Link of the type, or any other
     * attribute. The texts are taken from the attributes, so both agree wherever both have the name.
     */
    public Optional<String> textOrAttribute(String name) {
        return Optional.ofNullable(textOrAttributeOrNull(name));
    }

    /** {@link #textOrAttribute}, or null: for the look-ups building makes for each of many instances. */
    public String textOrAttributeOrNull(String name) {
        String text = texts.get(name);
        return text != null ? text : attributes.get(name);
    }

    /** Human-readable name for messages. */
    public String describe() {
        return (id == null ? "<anonymous>" : id) + " (" + type.name() + ")";
    }

    /**
     * Whether this component passes a select's {@code [attribute='value']} filter (quotes optional): its text, or
     * failing that its attribute, of that name equals the value. A filter without {@code =} matches nothing.
     */
    public boolean matchesFilter(String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return false;
        }
        String attribute = filter.substring(0, eq).trim();
        String value = filter.substring(eq + 1).trim().replace("'", "").replace("\"", "");
        return textOrAttribute(attribute).filter(value::equals).isPresent();
    }
}
