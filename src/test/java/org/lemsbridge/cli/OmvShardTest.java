package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.testing.PopulationModel;

/** omv over a folder shards the tests it finds as check shards a suite: every test once, balanced by cells x steps. */
class OmvShardTest {
    @TempDir
    Path folder;

    /** A dry-run OMV test of a population of {@code cells} Izhikevich cells run for {@code steps} steps. */
    private void test(String name, int cells, int steps) throws IOException {
        PopulationModel.write(folder.resolve(name + ".xml"), cells, steps / 100.0 + "ms", "0.01ms");
        Files.writeString(folder.resolve("." + name + ".omt"), "target: " + name + ".xml\nengine: jLEMS\n");
    }

    @Test
    void threeShardsRunEveryTestOnceBalancedByCellsTimesSteps() throws IOException {
        // (cells + 2) x steps: a 48 000, b 10 000, c 20 000, d 4 000, e 12 000, f 22 000 (found in name order)
        test("a", 46, 1000);
        test("b", 8, 1000);
        test("c", 18, 1000);
        test("d", 2, 1000);
        test("e", 10, 1000);
        test("f", 20, 1000);
        Files.writeString(folder.resolve(".g.omt"), "target: a.xml\nengine: NEURON\n");   // skipped: costs 0
        // a -> 1 (48), b -> 2 (10), c -> 3 (20), d -> 2 (14), e -> 2 (26), f -> 3 (42), g -> 2 (26)
        List<List<String>> expected = List.of(List.of(".a.omt"), List.of(".b.omt", ".d.omt", ".e.omt", ".g.omt"),
                List.of(".c.omt", ".f.omt"));
        List<String> all = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            CliRun run = CliRun.of("omv", folder.toString(), "--shard", k + "/3", "--format", "json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode summary = new ObjectMapper().readTree(run.out());
            List<String> tests = new ArrayList<>();
            summary.get("tests").forEach(t -> tests.add(Path.of(t.get("test").asText()).getFileName().toString()));
            assertEquals(expected.get(k - 1), tests);
            assertEquals("shard " + k + "/3: " + tests.size() + " of 7 tests (balanced by cells x steps)",
                    run.err().strip());
            all.addAll(tests);
        }
        assertEquals(List.of(".a.omt", ".b.omt", ".c.omt", ".d.omt", ".e.omt", ".f.omt", ".g.omt"),
                all.stream().sorted().toList());
    }

    @Test
    void aBadShardIsOneLine() {
        CliRun run = CliRun.of("omv", folder.toString(), "--shard", "4/3");
        assertEquals(2, run.exitCode());
        assertEquals("--shard:0:0: shard 4 does not exist: the shards of 3 are 1 to 3", run.err().strip());
    }
}
