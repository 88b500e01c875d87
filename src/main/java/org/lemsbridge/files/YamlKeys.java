package org.lemsbridge.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** The keys of a YAML file's top-level mapping, which tell what kind of file it is (a suite has {@code cases}). */
public final class YamlKeys {

    private YamlKeys() {
    }

    /** The top-level keys of {@code file}; none when it cannot be read or composed, or is not a mapping. */
    public static Set<String> topLevel(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 22);
        options.setNestingDepthLimit(100);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node root = new Yaml(options).compose(reader);
            Set<String> keys = new HashSet<>();
            if (root instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        keys.add(key.getValue());
                    }
                }
            }
            return keys;
        } catch (IOException | YAMLException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
