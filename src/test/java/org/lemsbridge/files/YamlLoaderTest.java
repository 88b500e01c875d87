package org.lemsbridge.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.error.BadInputException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The one YAML loading policy: its limits, its refusals and where they point. */
class YamlLoaderTest {

    @TempDir
    Path temp;

    private static String refusal(String text) {
        return assertThrows(BadInputException.class, () -> YamlLoader.compose(text, "f.yaml")).oneLine();
    }

    /** Each level holds five aliases of the one below: 5^9 leaves after expansion from 45 aliases. */
    private static String laughs(int levels) {
        StringBuilder text = new StringBuilder("a0: &a0 [x, x, x, x, x]\n");
        for (int i = 1; i < levels; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append(", *a").append(i - 1).append(", *a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        return text.toString();
    }

    @Test
    void anAliasBombIsRefusedAtTheNodeThatPassesTheBudget() {
        assertEquals("f.yaml:1:22: the document expands to more than 200000 nodes (too many aliases?)",
                refusal(laughs(10)));
        // seven levels expand to 122 068 nodes: within the budget
        assertEquals(7, ((MappingNode) YamlLoader.compose(laughs(7), "f.yaml")).getValue().size());
    }

    @Test
    void documentsOfOneReadShareTheirBudget() {
        YamlLoader.NodeBudget budget = new YamlLoader.NodeBudget();
        YamlLoader.compose(laughs(7), "first.yaml", budget);
        // a list of 80 000 scalars after 122 068 nodes: node 200 001 is item 77 932, at column 2 + 3 * 77 931
        String list = "[" + "x, ".repeat(79_999) + "x]\n";
        assertEquals("second.yaml:1:233795: the document expands to more than 200000 nodes (too many aliases?)",
                assertThrows(BadInputException.class, () -> YamlLoader.compose(list, "second.yaml", budget))
                        .oneLine());
        assertEquals(80_000, ((SequenceNode) YamlLoader.compose(list, "fresh.yaml")).getValue().size());
    }

    @Test
    void aliasesNestingRecursionAndGlobalTagsAreRefused() {
        StringBuilder many = new StringBuilder("base: &b [1]\nrefs: [");
        for (int i = 0; i < 60; i++) {
            many.append(i == 0 ? "" : ", ").append("*b");
        }
        assertEquals("f.yaml:0:0: invalid YAML: Number of aliases for non-scalar nodes exceeds the specified max=50",
                refusal(many.append("]\n").toString()));
        assertEquals("f.yaml:0:0: invalid YAML: Nesting Depth exceeded max 64",
                refusal("x: " + "[".repeat(100) + "]".repeat(100) + "\n"));
        assertEquals("f.yaml:1:4: recursive alias: a node contains itself", refusal("a: &a [x, *a]\n"));
        assertEquals("f.yaml:1:4: invalid YAML: Global tag is not allowed: tag:yaml.org,2002:python/object:os.system",
                refusal("x: !!python/object:os.system [ls]\n"));
        assertEquals("f.yaml:3:3: duplicate key 'a' (first given at line 2)", refusal("m:\n  a: 1\n  a: 2\n"));
    }

    @Test
    void anEmptyDocumentIsNoNode() {
        assertNull(YamlLoader.compose("# nothing\n", "f.yaml"));
    }

    @Test
    void filesAreReadAsUtf8WithinTheSizeLimit() throws IOException {
        Path missing = temp.resolve("missing.yaml");
        assertEquals(missing + ":0:0: file not found",
                assertThrows(BadInputException.class, () -> YamlLoader.readText(missing)).oneLine());
        Path latin1 = Files.write(temp.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(latin1 + ":0:0: not UTF-8 text",
                assertThrows(BadInputException.class, () -> YamlLoader.readText(latin1)).oneLine());
        Path ok = Files.writeString(temp.resolve("ok.yaml"), "a: é\n");
        assertEquals("a: é\n", YamlLoader.readText(ok));
    }
}
