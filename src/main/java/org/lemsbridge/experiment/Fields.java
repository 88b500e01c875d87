package org.lemsbridge.experiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;

/**
 * Reads the fields of one YAML mapping, remembering which ones were used so that the rest become
 * {@link Extras}. Error messages start with the field's dotted path.
 */
final class Fields {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** Fields named {@code x-...} are the user's own, outside TVBO's vocabulary, and kept as written. */
    static final String USER_EXTENSION = "x-";

    private final YamlNode.Mapping mapping;
    private final String path;
    private final Set<String> consumed = new HashSet<>();
    private final Map<String, String> renames = new HashMap<>();
    private final Map<String, RawValue> replacements = new HashMap<>();

    Fields(YamlNode.Mapping mapping, String path) {
        this.mapping = mapping;
        this.path = path;
    }

    SourceLocation location() {
        return mapping.location();
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return join(path, key);
    }

    /** {@code key} under {@code path}, the top level's own keys without a leading dot. */
    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of {@code key} or of one of its aliases (null when absent); giving two of them is an error. */
    YamlNode take(String key, String... aliases) {
        YamlNode.Entry found = entry(key);
        String foundName = key;
        for (String alias : aliases) {
            YamlNode.Entry other = entry(alias);
            if (other == null) {
                continue;
            }
            if (found != null) {
                throw new BadInputException(other.key().location(), pathOf(alias) + ": '" + alias
                        + "' and '" + foundName + "' mean the same field; give only one");
            }
            found = other;
            foundName = alias;
        }
        return found == null ? null : found.value();
    }

    private YamlNode.Entry entry(String key) {
        YamlNode.Entry e = mapping.entry(key);
        if (e != null) {
            consumed.add(key);
        }
        return e;
    }

    /** Whether the mapping has {@code key} (without taking it). */
    boolean has(String key) {
        return mapping.entry(key) != null;
    }

    /** Marks {@code key} as not used, so it is kept among the extras. */
    void forget(String key) {
        consumed.remove(key);
    }

    /** Keeps {@code alias} among the extras under the name {@code canonical}. */
    void renameExtra(String alias, String canonical) {
        renames.put(alias, canonical);
    }

    /** Keeps {@code key} among the extras with a rewritten value (and possibly name). */
    void replaceExtra(String key, String newName, RawValue value) {
        renames.put(key, newName);
        replacements.put(key, value);
    }

    String string(String key, String... aliases) {
        return text(take(key, aliases), pathOf(key));
    }

    Double number(String key, String... aliases) {
        YamlNode node = take(key, aliases);
        if (node == null || isNull(node)) {
            return null;
        }
        return number(node, pathOf(key));
    }

    Boolean bool(String key) {
        YamlNode node = take(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.type().equals("bool")) {
            String t = s.text().toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        throw new BadInputException(node.location(), pathOf(key) + ": expected true or false, found "
                + describe(node));
    }

    /**
     * The fields nobody took, in document order; each must be a field of {@code vocabulary}, else the first one
     * that is not is an error naming the nearest known field.
     */
    Extras rest(Vocabulary vocabulary) {
        LinkedHashMap<String, RawValue> out = new LinkedHashMap<>();
        Map<String, String> writtenAs = new HashMap<>();
        for (YamlNode.Entry e : mapping.entries()) {
            if (consumed.contains(e.name())) {
                continue;
            }
            checkKnown(e, vocabulary);
            String name = renames.getOrDefault(e.name(), e.name());
            RawValue value = replacements.containsKey(e.name()) ? replacements.get(e.name()) : YamlNode.toRaw(e.value());
            if (out.containsKey(name)) {
                throw new BadInputException(e.key().location(), pathOf(e.name()) + ": '" + e.name()
                        + "' and '" + writtenAs.get(name) + "' mean the same field; give only one");
            }
            out.put(name, value);
            writtenAs.put(name, e.name());
        }
        return out.isEmpty() ? Extras.NONE : new Extras(out);
    }

    /** Checks every field of the mapping, taken or not, against {@code vocabulary}. */
    void checkAll(Vocabulary vocabulary) {
        mapping.entries().forEach(e -> checkKnown(e, vocabulary));
    }

    private void checkKnown(YamlNode.Entry e, Vocabulary vocabulary) {
        if (vocabulary.knows(e.name()) || e.name().startsWith(USER_EXTENSION)) {
            return;
        }
        String where = path.isEmpty() ? "the " + vocabulary.kind() : path;
        String hint = NearestName.among(vocabulary.fields(), e.name())
                .map(n -> "; did you mean '" + n + "'?")
                .orElse(" (not a field of a TVBO " + vocabulary.kind() + ")");
        throw new BadInputException(e.key().location(), "unknown field '" + e.name() + "' in " + where + hint);
    }

    /** The entry of {@code key} without taking it (null when absent). */
    YamlNode.Entry peek(String key) {
        return mapping.entry(key);
    }

    static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.isNull();
    }

    static String text(YamlNode node, String path) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        throw new BadInputException(node.location(), path + ": expected a text, found " + describe(node));
    }

    static double number(YamlNode node, String path) {
        if (!(node instanceof YamlNode.Scalar s) || s.isNull()) {
            throw new BadInputException(node.location(), path + ": expected a number, found " + describe(node));
        }
        String text = s.text().trim().replace("_", "");
        double value;
        switch (s.type()) {
            case "int" -> value = parseInteger(text, s, path);
            case "float" -> value = parseFloat(text, s, path);
            case "str" -> {
                // PyYAML reads 1e-3 as text; a plain decimal like that is still meant as a number.
                if (!s.plain() || !DECIMAL.matcher(text).matches()) {
                    throw new BadInputException(s.location(), path + ": expected a number, found "
                            + describe(node));
                }
                value = Double.parseDouble(text);
            }
            default -> throw new BadInputException(s.location(), path + ": expected a number, found "
                    + describe(node));
        }
        if (!Double.isFinite(value)) {
            throw new BadInputException(s.location(), path + ": expected a finite number, found '" + s.text() + "'");
        }
        return value;
    }

    static int integer(YamlNode node, String path) {
        double value = number(node, path);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new BadInputException(node.location(), path + ": expected a whole number, found '"
                    + ((YamlNode.Scalar) node).text() + "'");
        }
        return (int) value;
    }

    private static double parseInteger(String text, YamlNode.Scalar s, String path) {
        try {
            boolean negative = text.startsWith("-");
            String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            java.math.BigInteger magnitude;
            if (digits.startsWith("0x")) {
                magnitude = new java.math.BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0b")) {
                magnitude = new java.math.BigInteger(digits.substring(2), 2);
            } else if (digits.startsWith("0o")) {
                magnitude = new java.math.BigInteger(digits.substring(2), 8);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                magnitude = new java.math.BigInteger(digits.substring(1), 8);
            } else {
                magnitude = new java.math.BigInteger(digits);
            }
            double v = magnitude.doubleValue();
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new BadInputException(s.location(), path + ": cannot read '" + s.text() + "' as a number");
        }
    }

    private static double parseFloat(String text, YamlNode.Scalar s, String path) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".inf") || lower.equals(".nan")) {
            throw new BadInputException(s.location(), path + ": expected a finite number, found '" + s.text() + "'");
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(s.location(), path + ": cannot read '" + s.text() + "' as a number");
        }
    }

    static String describe(YamlNode node) {
        if (node instanceof YamlNode.Mapping) {
            return "a mapping";
        }
        if (node instanceof YamlNode.Sequence) {
            return "a list";
        }
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.type()) {
            case "null" -> "nothing";
            case "str" -> "text '" + abbreviate(s.text()) + "'";
            case "bool" -> "the boolean '" + s.text() + "'";
            default -> "'" + abbreviate(s.text()) + "'";
        };
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
