package org.lemsbridge.experiment;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Composes YAML text into a {@link YamlNode} tree with SnakeYAML's node API (no object construction),
 * resolving {@code !include}, aliases and merge keys, and refusing duplicate keys, unknown tags, recursive
 * aliases and includes that leave the including file's folder.
 */
final class YamlComposer {

    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 64;
    static final int MAX_CODE_POINTS = 10 * 1024 * 1024;
    /** Bounds the tree after alias expansion (a "billion laughs" document stays small). */
    static final int MAX_NODES = 200_000;

    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final String INCLUDE_TAG = "!include";
    private static final Set<String> KNOWN_TYPES =
            Set.of("str", "int", "float", "bool", "null", "timestamp", "binary", "map", "seq", "merge");

    private final Set<Path> includeStack = new HashSet<>();
    private int nodeCount;

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
        Node root = composeSnake(yaml, fileName);
        if (root == null) {
            throw new BadInputException(new SourceLocation(fileName, 1, 1), "the document is empty");
        }
        return new Conversion(fileName, baseDir).convert(root, 0);
    }

    private static Node composeSnake(String yaml, String fileName) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), options),
                    new Resolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new BadInputException(at(fileName, mark), "invalid YAML: " + context + problem, null, e);
        } catch (YAMLException e) {
            throw new BadInputException(new SourceLocation(fileName, 0, 0), "invalid YAML: " + e.getMessage(), null, e);
        }
    }

    static SourceLocation at(String fileName, Mark mark) {
        if (mark == null) {
            return new SourceLocation(fileName, 0, 0);
        }
        return new SourceLocation(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Converts one file's SnakeYAML nodes. */
    private final class Conversion {
        private final String fileName;
        private final Path baseDir;
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();

        Conversion(String fileName, Path baseDir) {
            this.fileName = fileName;
            this.baseDir = baseDir;
        }

        YamlNode convert(Node node, int depth) {
            if (++nodeCount > MAX_NODES) {
                throw new BadInputException(loc(node), "the document expands to more than " + MAX_NODES
                        + " nodes (too many aliases?)");
            }
            if (depth > MAX_DEPTH) {
                throw new BadInputException(loc(node), "nesting deeper than " + MAX_DEPTH + " levels");
            }
            if (inProgress.containsKey(node)) {
                throw new BadInputException(loc(node), "recursive alias: a node contains itself");
            }
            inProgress.put(node, Boolean.TRUE);
            try {
                return switch (node.getNodeId()) {
                    case scalar -> convertScalar((ScalarNode) node, depth);
                    case sequence -> convertSequence((SequenceNode) node, depth);
                    case mapping -> convertMapping((MappingNode) node, depth);
                    default -> throw new BadInputException(loc(node), "unsupported YAML node");
                };
            } finally {
                inProgress.remove(node);
            }
        }

        private SourceLocation loc(Node node) {
            return at(fileName, node.getStartMark());
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
            // Explicit keys win over merged ones; among merge sources the first one wins.
            Map<String, YamlNode.Scalar> explicit = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                if (isMergeKey(tuple.getKeyNode())) {
                    continue;
                }
                YamlNode.Scalar key = keyOf(tuple.getKeyNode());
                YamlNode.Scalar first = explicit.get(key.text());
                if (first != null) {
                    throw new BadInputException(key.location(), "duplicate key '" + key.text()
                            + "' (first given at line " + first.location().line() + ")");
                }
                explicit.put(key.text(), key);
            }
            List<YamlNode.Entry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : node.getValue()) {
                if (isMergeKey(tuple.getKeyNode())) {
                    for (YamlNode.Mapping source : mergeSources(tuple.getValueNode(), depth)) {
                        for (YamlNode.Entry merged : source.entries()) {
                            if (!explicit.containsKey(merged.name()) && seen.add(merged.name())) {
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
                Node root = composeSnake(content, includedName);
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
                if (Files.size(file) > 4L * MAX_CODE_POINTS) {
                    throw new BadInputException(where, "!include '" + text + "': file too large");
                }
                return Files.readString(file);
            } catch (MalformedInputException e) {
                throw new BadInputException(where, "!include '" + text + "': not UTF-8 text");
            } catch (IOException e) {
                throw new BadInputException(where, "!include '" + text + "': cannot read: " + e.getMessage());
            }
        }
    }
}
