package org.lemsbridge.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.NearestName;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.YamlLoader;

/**
 * Turns the {@code dynamics} mapping as written into the model it means. The keyed form {@code {NAME: {...}}} is
 * model NAME with the inner fields. A model without equations of its own that names a model of TVBO's library
 * ({@code iri: tvbo:NAME}, or the keyed form) is that library model with the written fields laid over it leaf by
 * leaf: each node keeps the place it was written, so a problem in the library model is reported in its file.
 */
final class ModelReferences {

    private static final Pattern TVBO_IRI = Pattern.compile("tvbo:(" + ModelLibrary.MODEL_NAME + ")");

    /** The named collections of a model: an override must name an entry the library model has. */
    private static final Map<String, String> COLLECTIONS = Map.of("parameters", "parameter",
            "derived_parameters", "derived parameter", "derived_variables", "derived variable",
            "state_variables", "state variable", "functions", "function", "events", "event",
            "coupling_terms", "coupling term", "coupling_inputs", "coupling input");

    /** The fields holding an Equation, which a bare text gives the right-hand side of. */
    private static final List<String> EQUATION_FIELDS = List.of("equation", "condition", "affect");

    /** A model of the library, where it was named and how (for messages). */
    private record Reference(String name, String named, SourceLocation at) {
    }

    /** Where an overlay is in the model's tree: what its entries are. */
    private enum Level { MODEL, COLLECTION, ENTRY, FIELD }

    private ModelReferences() {
    }

    static YamlNode.Mapping resolve(YamlNode.Mapping written, String path, ModelLibrary library) {
        YamlNode.Entry keyed = keyedModel(written, path);
        YamlNode.Mapping model = keyed == null ? written : inner(keyed, path);
        Reference reference = hasEquations(model) ? null : reference(model, keyed, path);
        if (reference == null) {
            return model;
        }
        new Fields(model, path).checkAll(Vocabulary.DYNAMICS);
        if (!library.isGiven()) {
            throw new BadInputException(reference.at(), reference.named() + " names a model of TVBO's library; set "
                    + ModelLibrary.OPTION);
        }
        YamlNode.Mapping base = read(library.fileOf(reference.name(), reference.named(), reference.at()));
        YamlNode.Mapping merged = overlay(base, model, path, Level.MODEL, null);
        return new YamlNode.Mapping(merged.entries(), model.location());
    }

    /**
     * The single entry of a keyed {@code dynamics: {NAME: {...}}}, or null when the mapping is a model itself. A key
     * is a model name only when it is no field of a model, not close to one (a misspelling stays an error with its
     * did-you-mean), and starts with an upper-case letter or holds a mapping with model fields.
     */
    private static YamlNode.Entry keyedModel(YamlNode.Mapping written, String path) {
        List<YamlNode.Entry> names = written.entries().stream().filter(ModelReferences::namesModel).toList();
        if (names.isEmpty() || names.size() != written.entries().size()) {
            return null;
        }
        if (names.size() > 1) {
            throw new BadInputException(names.get(1).key().location(), path + ": one model per experiment, but '"
                    + names.get(1).name() + "' follows '" + names.get(0).name() + "'");
        }
        return names.get(0);
    }

    private static boolean namesModel(YamlNode.Entry e) {
        String key = e.name();
        if (Vocabulary.DYNAMICS.knows(key) || key.startsWith(Fields.USER_EXTENSION)
                || !ModelLibrary.isModelName(key)
                || NearestName.among(Vocabulary.DYNAMICS.fields(), key).isPresent()) {
            return false;
        }
        boolean holdsModelFields = e.value() instanceof YamlNode.Mapping m
                && m.entries().stream().anyMatch(inner -> Vocabulary.DYNAMICS.knows(inner.name()));
        return Character.isUpperCase(key.charAt(0)) && (Fields.isNull(e.value()) || e.value() instanceof YamlNode.Mapping)
                || holdsModelFields;
    }

    /** The keyed entry's fields, named by the key (an inner {@code name} must agree with it). */
    private static YamlNode.Mapping inner(YamlNode.Entry keyed, String path) {
        YamlNode value = keyed.value();
        List<YamlNode.Entry> entries = new ArrayList<>();
        SourceLocation where = keyed.key().location();
        if (value instanceof YamlNode.Mapping m) {
            entries.addAll(m.entries());
            where = m.location();
            YamlNode.Entry name = m.entry("name");
            if (name != null && !Fields.isNull(name.value())) {
                String innerName = Fields.text(name.value(), path + "." + keyed.name() + ".name");
                if (!innerName.equals(keyed.name())) {
                    throw new BadInputException(name.value().location(), path + "." + keyed.name() + ".name: '"
                            + innerName + "' disagrees with its key '" + keyed.name() + "'");
                }
                return m;
            }
            entries.removeIf(e -> e.name().equals("name"));
        }
        SourceLocation keyAt = keyed.key().location();
        entries.add(0, new YamlNode.Entry(new YamlNode.Scalar("name", "str", true, keyAt),
                new YamlNode.Scalar(keyed.name(), "str", true, keyAt)));
        return new YamlNode.Mapping(entries, where);
    }

    /** Whether some state variable is given an equation: then the mapping is the model, not a reference to one. */
    private static boolean hasEquations(YamlNode.Mapping model) {
        YamlNode.Entry states = model.entry("state_variables");
        return states != null && states.value() instanceof YamlNode.Mapping m && m.entries().stream()
                .anyMatch(s -> s.value() instanceof YamlNode.Mapping state && state.entry("equation") != null
                        && !Fields.isNull(state.entry("equation").value()));
    }

    private static Reference reference(YamlNode.Mapping model, YamlNode.Entry keyed, String path) {
        YamlNode.Entry iri = model.entry("iri");
        Matcher tvbo = iri != null && iri.value() instanceof YamlNode.Scalar s ? TVBO_IRI.matcher(s.text().trim()) : null;
        boolean namesLibraryModel = tvbo != null && tvbo.matches();
        if (keyed != null) {
            if (namesLibraryModel && !tvbo.group(1).equals(keyed.name())) {
                throw new BadInputException(iri.value().location(), path + "." + keyed.name() + ".iri: 'tvbo:"
                        + tvbo.group(1) + "' disagrees with its key '" + keyed.name() + "'");
            }
            return new Reference(keyed.name(), path + "." + keyed.name(), keyed.key().location());
        }
        return namesLibraryModel ? new Reference(tvbo.group(1), Fields.join(path, "iri") + " 'tvbo:" + tvbo.group(1) + "'",
                iri.value().location()) : null;
    }

    private static YamlNode.Mapping read(Path file) {
        String name = file.toString();
        YamlNode root = YamlComposer.compose(YamlLoader.readText(file), name, file.toAbsolutePath().getParent(),
                realPath(file));
        if (!(root instanceof YamlNode.Mapping m)) {
            throw new BadInputException(root.location(), "a model file must be a mapping of the model's fields, found "
                    + Fields.describe(root));
        }
        return m;
    }

    private static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (java.io.IOException e) {
            throw new BadInputException(SourceLocation.unknown(file.toString()), "cannot read: " + e.getMessage());
        }
    }

    /**
     * {@code base} with {@code over} laid on it: a mapping over a mapping merges entry by entry, anything else
     * replaces what it overrides, nothing ({@code null}) leaves it. {@code collection} names the kind of entry when
     * the entries are a model's named collection, which an override cannot add to.
     */
    private static YamlNode.Mapping overlay(YamlNode.Mapping base, YamlNode.Mapping over, String path, Level level,
            String collection) {
        List<YamlNode.Entry> entries = new ArrayList<>(base.entries());
        for (YamlNode.Entry e : over.entries()) {
            String entryPath = Fields.join(path, e.name());
            int at = indexOf(entries, e.name());
            if (level == Level.MODEL && COLLECTIONS.containsKey(e.name()) && e.value() instanceof YamlNode.Mapping m
                    && (at < 0 || !(entries.get(at).value() instanceof YamlNode.Mapping))) {
                // the library model has none of these: every entry named is one it lacks
                overlay(new YamlNode.Mapping(List.of(), m.location()), m, entryPath, Level.COLLECTION,
                        COLLECTIONS.get(e.name()));
            }
            if (at < 0) {
                if (level == Level.COLLECTION) {
                    throw new BadInputException(e.key().location(), entryPath + ": the library model has no "
                            + collection + " '" + e.name() + "'" + NearestName.among(names(base), e.name())
                                    .map(n -> "; did you mean '" + n + "'?").orElse(""));
                }
                entries.add(e);
                continue;
            }
            YamlNode.Entry old = entries.get(at);
            YamlNode value = e.value();
            if (Fields.isNull(value)) {
                continue;
            }
            if (old.value() instanceof YamlNode.Mapping oldMap) {
                String shorthand = shorthand(level, collection, e.name());
                if (value instanceof YamlNode.Scalar && shorthand != null) {
                    value = new YamlNode.Mapping(List.of(new YamlNode.Entry(
                            new YamlNode.Scalar(shorthand, "str", true, value.location()), value)), value.location());
                }
                if (value instanceof YamlNode.Mapping newMap) {
                    Level inner = level == Level.MODEL && COLLECTIONS.containsKey(e.name()) ? Level.COLLECTION
                            : level == Level.COLLECTION ? Level.ENTRY : Level.FIELD;
                    entries.set(at, new YamlNode.Entry(old.key(), overlay(oldMap, newMap, entryPath, inner,
                            inner == Level.COLLECTION ? COLLECTIONS.get(e.name()) : collection)));
                    continue;
                }
            }
            entries.set(at, e);
        }
        return new YamlNode.Mapping(entries, base.location());
    }

    /**
     * The field a bare value stands for where a mapping is overridden: a parameter's {@code value}, a derived
     * variable's {@code equation}, an equation's right-hand side.
     */
    private static String shorthand(Level level, String collection, String key) {
        if (level == Level.COLLECTION) {
            return switch (collection) {
                case "parameter", "derived parameter" -> "value";
                case "derived variable" -> "equation";
                default -> null;
            };
        }
        return level != Level.MODEL && EQUATION_FIELDS.contains(key) ? "rhs" : null;
    }

    private static int indexOf(List<YamlNode.Entry> entries, String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> names(YamlNode.Mapping mapping) {
        return mapping.entries().stream().map(YamlNode.Entry::name).toList();
    }
}
