package org.lemsbridge.files;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.lemsbridge.error.IoFailure;
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
 * The one way lemsbridge reads YAML (experiments, suites, OMV test and expectation files, and validate's look at a
 * file's top-level keys), under one set of limits. SnakeYAML composes nodes and never constructs objects (a global
 * tag such as {@code !!python/object} is refused by its tag inspector); the text is bounded in size, nesting and
 * aliases, and the composed document, aliases expanded, in nodes; a node that contains itself and a key given twice
 * in one mapping are refused. Every
 * refusal is a {@link BadInputException} at {@code file:line:col} (0:0 where SnakeYAML gives no position).
 */
public final class YamlLoader {

    public static final int MAX_ALIASES = 50;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_CODE_POINTS = 10 * 1024 * 1024;
    /** A file larger than this cannot hold {@link #MAX_CODE_POINTS} (UTF-8 takes at most four bytes a code point). */
    public static final long MAX_FILE_BYTES = 4L * MAX_CODE_POINTS;
    /** Bounds the tree after alias expansion (a "billion laughs" document stays small). */
    public static final int MAX_NODES = 200_000;

    /** The nodes the documents of one read have used: an experiment and the files it includes share one budget. */
    public static final class NodeBudget {
        private int used;
    }

    private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

    private YamlLoader() {
    }

    /** The text of a YAML file, refused at {@code file:0:0} when it is missing, too large or not UTF-8. */
    public static String readText(Path file) {
        SourceLocation where = SourceLocation.unknown(file.toString());
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new BadInputException(where, "file too large");
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(where, "file not found");
        } catch (MalformedInputException e) {
            throw new BadInputException(where, "not UTF-8 text");
        } catch (IOException e) {
            throw IoFailure.cannotRead(file, e);
        }
    }

    /** The document's root node, or null for an empty document; {@code fileName} is used in locations. */
    public static Node compose(String text, String fileName) {
        return compose(text, fileName, new NodeBudget());
    }

    /** {@link #compose(String, String)}, counting the document's nodes against {@code budget}. */
    public static Node compose(String text, String fileName, NodeBudget budget) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                    new Resolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? e.getContext() + ": " : "";
            throw new BadInputException(at(fileName, mark), "invalid YAML: " + context + problem, null, e);
        } catch (YAMLException e) {
            throw new BadInputException(new SourceLocation(fileName, 0, 0), "invalid YAML: " + e.getMessage(), null, e);
        }
        if (root != null) {
            new Expansion(fileName, budget).visit(root, 0);
        }
        return root;
    }

    /** Where {@code mark} points, 1-based; 0:0 without a mark. */
    public static SourceLocation at(String fileName, Mark mark) {
        if (mark == null) {
            return new SourceLocation(fileName, 0, 0);
        }
        return new SourceLocation(fileName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Walks a composed document as its readers will, aliases expanded, within the limits. */
    private record Expansion(String fileName, NodeBudget budget, Set<Node> open) {

        Expansion(String fileName, NodeBudget budget) {
            this(fileName, budget, Collections.newSetFromMap(new IdentityHashMap<>()));
        }

        void visit(Node node, int depth) {
            SourceLocation where = at(fileName, node.getStartMark());
            if (++budget.used > MAX_NODES) {
                throw new BadInputException(where, "the document expands to more than " + MAX_NODES
                        + " nodes (too many aliases?)");
            }
            if (depth > MAX_DEPTH) {
                throw new BadInputException(where, "nesting deeper than " + MAX_DEPTH + " levels");
            }
            if (!open.add(node)) {
                throw new BadInputException(where, "recursive alias: a node contains itself");
            }
            if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    visit(item, depth + 1);
                }
            } else if (node instanceof MappingNode mapping) {
                refuseDuplicateKeys(mapping);
                for (NodeTuple tuple : mapping.getValue()) {
                    boolean merge = tuple.getKeyNode() instanceof ScalarNode key && Tag.MERGE.equals(key.getTag());
                    List<Node> values = merge && tuple.getValueNode() instanceof SequenceNode sources
                            ? sources.getValue() : List.of(tuple.getValueNode());
                    for (Node value : values) {
                        visit(value, depth + 1);
                    }
                }
            }
            open.remove(node);
        }

        /**
         * SnakeYAML finds duplicate keys only when it constructs objects, which it never does here. Keys are compared
         * up to the first one that is not a plain scalar (a reader refuses that one itself).
         */
        private void refuseDuplicateKeys(MappingNode mapping) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || !key.getTag().getValue().startsWith(STANDARD_TAGS)) {
                    return;
                }
                if (Tag.MERGE.equals(key.getTag())) {
                    continue;
                }
                Node first = seen.putIfAbsent(key.getValue(), key);
                if (first != null) {
                    throw new BadInputException(at(fileName, key.getStartMark()), "duplicate key '" + key.getValue()
                            + "' (first given at line " + (first.getStartMark().getLine() + 1) + ")");
                }
            }
        }
    }
}
