package org.lemsbridge.experiment;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.lemsbridge.files.YamlLoader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Composes YAML text into a {@link YamlNode} tree with SnakeYAML's node API (no object construction),
 * resolving {@code !include}, aliases and merge keys, and refusing duplicate keys, unknown tags, recursive
 * aliases and includes that leave the including file's folder.
 */
final class YamlComposer {

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String INCLUDE_TAG = "!include";
    private static final Set<String> KNOWN_TYPES =
            Set.of("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq", "merge");

    private final Set<Path> includeStack = new HashSet<>();
    private final YamlLoader.NodeBudget budget = new YamlLoader.NodeBudget();

    private YamlComposer() {
    }

    /** Composes {@code yaml}; {@code baseDir} is the folder includes resolve in (null: includes refused). */
    static YamlNode compose(String yaml, String fileName, Path baseDir) {
        return new YamlComposer().composeDocument(yaml, fileName, baseDir);
    }

    /** Composes a file, which then counts as being included (so including itself is a cycle). */
    static YamlNode compose(String yaml, String fileName, Path baseDir, Path realFile) {
        YamlComposer composer = new YamlComposer();
        composer.includeStack.add(realFile);
        return composer.composeDocument(yaml, fileName, baseDir);
    }

    private YamlNode composeDocument(String yaml, String fileName, Path baseDir) {
        Node root = YamlLoader.compose(yaml, fileName, budget);
        if (root == null) {
            throw new BadInputException(new SourceLocation(fileName, 1, 1), "the document is empty");
        }
        return new Conversion(fileName, baseDir).convert(root, 0);
    }

    /** Converts one file's SnakeYAML nodes. */
    private final class Conversion {
        private final String fileName;
        private final Path baseDir;

        Conversion(String fileName, Path baseDir) {
            this.fileName = fileName;
            this.baseDir = baseDir;
        }

        /** YamlLoader has bounded each document; the depth here also counts the files that include it. */
        YamlNode convert(Node node, int depth) {
            if (depth > YamlLoader.MAX_DEPTH) {
                throw new BadInputException(loc(node), "nesting deeper than " + YamlLoader.MAX_DEPTH + " levels");
            }
            return switch (node.getNodeId()) {
                case scalar -> convertScalar((ScalarNode) node, depth);
                case sequence -> convertSequence((SequenceNode) node, depth);
                case mapping -> convertMapping((MappingNode) node, depth);
                default -> throw new BadInputException(loc(node), "unsupported YAML node");
            };
        }

        private SourceLocation loc(Node node) {
            return YamlLoader.at(fileName, node.getStartMark());
        }

        private String typeOf(Node node) {
            String tag = node.getTag().getValue();
            if (tag.startsWith(YAML_TAG_PREFIX)) {
                String type = tag.substring(YAML_TAG_PREFIX.length());
                if (KNOWN_TYPES.contains(type)) {
                    return type;
                }
            }
            throw new BadInputException(loc(node), "unsupported YAML tag '" + tag
                    + "' (only standard types and !include are allowed)");
        }

        private YamlNode convertScalar(ScalarNode node, int depth) {
            if (INCLUDE_TAG.equals(node.getTag().getValue())) {
                return include(node, depth);
            }
            String type = typeOf(node);
            boolean plain = node.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
            return new YamlNode.Scalar(node.getValue(), type, plain, loc(node));
        }

        private YamlNode convertSequence(SequenceNode node, int depth) {
            typeOf(node);
            List<YamlNode> items = new ArrayList<>();
            for (Node item : node.getValue()) {
                items.add(convert(item, depth + 1));
            }
            return new YamlNode.Sequence(items, loc(node));
        }

        private YamlNode convertMapping(MappingNode node, int depth) {
            typeOf(node);
            // Explicit keys win over merged ones; among merge sources the first one wins (YamlLoader has refused
            // a key given twice).
            Set<String> explicit = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                if (!isMergeKey(tuple.getKeyNode())) {
                    explicit.add(keyOf(tuple.getKeyNode()).text());
                }
            }
            List<YamlNode.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                if (isMergeKey(tuple.getKeyNode())) {
                    for (YamlNode.Mapping source : mergeSources(tuple.getValueNode(), depth)) {
                        for (YamlNode.Entry merged : source.entries()) {
                            if (!explicit.contains(merged.name()) && seen.add(merged.name())) {
                                entries.add(merged);
                            }
                        }
                    }
                } else {
                    YamlNode.Scalar key = keyOf(tuple.getKeyNode());
                    seen.add(key.text());
                    entries.add(new YamlNode.Entry(key, convert(tuple.getValueNode(), depth + 1)));
                }
            }
            return new YamlNode.Mapping(entries, loc(node));
        }

        private boolean isMergeKey(Node key) {
            return key instanceof ScalarNode && Tag.MERGE.equals(key.getTag());
        }

        private List<YamlNode.Mapping> mergeSources(Node value, int depth) {
            List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
            List<YamlNode.Mapping> out = new ArrayList<>();
            for (Node source : sources) {
                YamlNode converted = convert(source, depth + 1);
                if (!(converted instanceof YamlNode.Mapping map)) {
                    throw new BadInputException(converted.location(),
                            "a merge key '<<' needs a mapping or a list of mappings");
                }
                out.add(map);
            }
            return out;
        }

        private YamlNode.Scalar keyOf(Node key) {
            if (!(key instanceof ScalarNode scalar)) {
                throw new BadInputException(loc(key), "mapping keys must be scalars");
            }
            if (INCLUDE_TAG.equals(scalar.getTag().getValue())) {
                throw new BadInputException(loc(key), "!include cannot be used as a key");
            }
            return new YamlNode.Scalar(scalar.getValue(), typeOf(scalar),
                    scalar.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN, loc(key));
        }

        private YamlNode include(ScalarNode node, int depth) {
            SourceLocation where = loc(node);
            String text = node.getValue().trim();
            if (baseDir == null) {
                throw new BadInputException(where, "!include '" + text + "' needs the including file's folder, "
                        + "but this document was read without one");
            }
            if (text.isEmpty()) {
                throw new BadInputException(where, "!include needs a file path");
            }
            Path relative;
            try {
                relative = Path.of(text);
            } catch (java.nio.file.InvalidPathException e) {
                throw new BadInputException(where, "!include '" + text + "' is not a valid path");
            }
            boolean escapes = relative.isAbsolute() || text.startsWith("/") || text.startsWith("\\");
            for (Path part : relative) {
                escapes |= part.toString().equals("..");
            }
            if (escapes) {
                throw new BadInputException(where, "!include '" + text
                        + "' leaves the folder of the including file (absolute paths and '..' are refused)");
            }
            Path target = baseDir.resolve(relative).normalize();
            Path real;
            Path realBase;
            try {
                real = target.toRealPath();
                realBase = baseDir.toRealPath();
            } catch (NoSuchFileException e) {
                throw new BadInputException(where, "!include '" + text + "': file not found (" + target + ")");
            } catch (IOException e) {
                throw new BadInputException(where, "!include '" + text + "': cannot read " + target + ": " + e.getMessage());
            }
            if (!real.startsWith(realBase)) {
                throw new BadInputException(where, "!include '" + text
                        + "' leaves the folder of the including file (through a link)");
            }
            if (!includeStack.add(real)) {
                throw new BadInputException(where, "!include '" + text + "' forms a cycle (" + target
                        + " is already being included)");
            }
            try {
                String content = readText(real, where, text);
                String includedName = target.toString();
                Node root = YamlLoader.compose(content, includedName, budget);
                if (root == null) {
                    throw new BadInputException(new SourceLocation(includedName, 1, 1),
                            "the included document is empty");
                }
                return new Conversion(includedName, real.getParent()).convert(root, depth);
            } finally {
                includeStack.remove(real);
            }
        }

        private String readText(Path file, SourceLocation where, String text) {
            try {
                return YamlLoader.readText(file);
            } catch (BadInputException e) {
                throw new BadInputException(where, "!include '" + text + "': " + e.getMessage());
            }
        }
    }
}
