package org.lemsbridge.files;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.lemsbridge.error.BadInputException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The keys of a YAML file's top-level mapping, which tell what kind of file it is (a suite has {@code cases}). */
public final class YamlKeys {

    private YamlKeys() {
    }

    /** The top-level keys of {@code file} (read by {@link YamlLoader}); none when it is refused or not a mapping. */
    public static Set<String> topLevel(Path file) {
        Node root;
        try {
            root = YamlLoader.compose(YamlLoader.readText(file), file.toString());
        } catch (BadInputException e) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        if (root instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    keys.add(key.getValue());
                }
            }
        }
        return keys;
    }
}
