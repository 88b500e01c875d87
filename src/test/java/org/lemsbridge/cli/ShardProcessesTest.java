package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;

/**
 * A 22-case suite (passes, a failure, an error) run as one process and as four shard processes: the merged report
 * is the single run's apart from times, and merging three of the four, or one twice, is refused.
 */
class ShardProcessesTest {
    @TempDir
    Path folder;

    private static String abs(String path) {
        return Path.of(path).toAbsolutePath().toString();
    }

    private Path suite() throws IOException {
        String ref = abs("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz");
        StringBuilder yaml = new StringBuilder("suite: twenty-two cases\ncases:\n");
        yaml.append("  - {name: ex2-lems, model: '").append(abs("examples/ex2-izhikevich/Ex2_Izh.xml"))
                .append("', output: Ex2_Izh_allcells.dat, reference: '").append(ref).append("', tolerance: exact}\n");
        yaml.append("  - {name: ex2-lems-tolerant, model: '").append(abs("examples/ex2-izhikevich/Ex2_Izh.xml"))
                .append("', output: Ex2_Izh_allcells.dat, reference: '").append(ref)
                .append("', tolerance: {tier: tolerant, rtol: 0.01}}\n");
        for (String cell : List.of("Tonic", "Burst")) {
            String model = abs("examples/izhikevich-" + cell.toLowerCase() + ".yaml");
            for (String columns : List.of("v", "U", "v,U")) {
                yaml.append("  - name: ").append(cell.toLowerCase()).append("-").append(columns.replace(",", "-"))
                        .append("\n    model: '").append(model).append("'\n    reference: '").append(ref)
                        .append("'\n    columns:\n");
                for (String column : columns.split(",")) {
                    yaml.append("      - {reference: \"izpop").append(cell).append("[0]/").append(column)
                            .append("\", candidate: ").append(column)
                            .append(column.equals("v") ? ", candidate_unit: mV}\n" : "}\n");
                }
            }
        }
        String[][] imported = {{"Burst", "i0"}, {"Tonic", "i1"}, {"Mixed", "i2"}, {"Class1", "rg0"}};
        for (String[] cell : imported) {
            String model = abs("examples/ex2-imported/izpop" + cell[0] + "_0.yaml");
            String pop = "izpop" + cell[0] + "[0]";
            yaml.append("  - name: imported-").append(cell[0].toLowerCase()).append("\n    model: '").append(model)
                    .append("'\n    reference: '").append(ref).append("'\n    columns:\n")
                    .append("      - {reference: \"").append(pop).append("/v\", candidate: v}\n")
                    .append("      - {reference: \"").append(pop).append("/U\", candidate: U}\n")
                    .append("      - {reference: \"").append(pop).append("/").append(cell[1])
                    .append("/I\", candidate: ").append(cell[1]).append("_I}\n");
            yaml.append("  - name: imported-").append(cell[0].toLowerCase()).append("-v-strict\n    model: '")
                    .append(model).append("'\n    reference: '").append(ref).append("'\n    columns:\n")
                    .append("      - {reference: \"").append(pop).append("/v\", candidate: v}\n")
                    .append("    tolerance: strict\n");
            yaml.append("  - name: imported-").append(cell[0].toLowerCase()).append("-input-tolerant\n    model: '")
                    .append(model).append("'\n    reference: '").append(ref).append("'\n    columns:\n")
                    .append("      - {reference: \"").append(pop).append("/").append(cell[1])
                    .append("/I\", candidate: ").append(cell[1]).append("_I}\n")
                    .append("    tolerance: {tier: tolerant, rtol: 0.01}\n");
        }
        yaml.append("  - name: tonic-against-burst\n    model: '").append(abs("examples/izhikevich-tonic.yaml"))
                .append("'\n    reference: '").append(ref).append("'\n    columns:\n")
                .append("      - {reference: \"izpopBurst[0]/v\", candidate: v, candidate_unit: mV}\n");
        Files.writeString(folder.resolve("blow.yaml"), "dynamics:\n  name: Blow\n  parameters:\n"
                + "    k: {value: 50.0}\n  state_variables:\n"
                + "    x: {equation: {rhs: \"k*x**2\"}, initial_value: 1.0}\n"
                + "integration: {step_size: 0.1, duration: 100, time_scale: ms}\n");
        yaml.append("  - {name: blow-up, model: blow.yaml, reference: '").append(ref).append("'}\n");
        Path suite = folder.resolve("suite.yaml");
        Files.writeString(suite, yaml);
        return suite;
    }

    /** Runs lemsbridge in a JVM of its own; returns the exit code. */
    private static int process(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = process.waitFor();
        assertTrue(code <= 2, output);
        return code;
    }

    @Test
    void fourShardProcessesMergeIntoTheSingleRun() throws IOException, InterruptedException {
        Path suite = suite();
        Path single = folder.resolve("single");
        // exit 2: the blow-up case stops on its model
        assertEquals(2, process(List.of("check", suite.toString(), "--jobs", "1", "--report", single.toString())));
        SuiteSummary one = SuiteReports.read(single.resolve("summary.json"));
        assertEquals(22, one.cases().size());
        assertEquals(List.of(20, 1, 1), List.of(one.passed(), one.failed(), one.errors()));
        List<String> shards = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (int k = 1; k <= 4; k++) {
            Path report = folder.resolve("shard-" + k);
            codes.add(process(List.of("check", suite.toString(), "--shard", k + "/4", "--jobs", "1", "--report",
                    report.toString())));
            shards.add(report.toString());
            assertTrue(SuiteReports.read(report.resolve("summary.json")).cases().size() >= 1, report.toString());
        }
        assertTrue(codes.contains(2) && codes.contains(1), codes.toString());
        Path merged = folder.resolve("merged");
        List<String> merge = new ArrayList<>(List.of("merge"));
        merge.addAll(shards);
        merge.addAll(List.of("-o", merged.toString()));
        CliRun merging = CliRun.of(merge);
        assertEquals(2, merging.exitCode(), merging.err());
        assertTrue(merging.out().contains("20 passed, 1 failed, 1 error (22 cases, "), merging.out());
        MergeCommandTest.assertSameReport(single, merged);

        Path partial = folder.resolve("partial");
        CliRun missing = CliRun.of("merge", shards.get(0), shards.get(1), shards.get(3), "-o", partial.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("merge:0:0: shard 3/4 is missing (given: 1, 2, 4)", missing.err().strip());
        CliRun twice = CliRun.of("merge", shards.get(0), shards.get(1), shards.get(2), shards.get(3), shards.get(1),
                "-o", partial.toString());
        assertEquals(2, twice.exitCode());
        assertEquals(Path.of(shards.get(1), "summary.json") + ":0:0: shard 2/4 is given twice (also "
                + Path.of(shards.get(1), "summary.json") + ")", twice.err().strip());
        assertTrue(Files.notExists(partial));
    }
}
