package org.lemsbridge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lemsbridge.suite.report.SuiteReports;
import org.lemsbridge.suite.report.SuiteSummary;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ready-made CI files: examples/ci/github-actions.yml is parsed and checked the way actionlint would (keys,
 * needs, matrix, expressions, the shard count in every place) and its shell steps are run here, with java standing in
 * for the cached jar; examples/ci/slurm.sh submits through a stand-in sbatch, and its array body runs for each K.
 */
class CiExamplesTest {
    private static final Path WORKFLOW = Path.of("examples/ci/github-actions.yml");
    private static final Path SLURM = Path.of("examples/ci/slurm.sh");
    private static final Set<String> JOB_KEYS = Set.of("name", "needs", "runs-on", "strategy", "steps", "if", "env",
            "timeout-minutes");
    private static final Set<String> STEP_KEYS = Set.of("name", "id", "if", "uses", "with", "run", "env", "shell",
            "continue-on-error", "timeout-minutes");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");

    @TempDir
    Path folder;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String where) {
        assertInstanceOf(Map.class, value, where + " must be a mapping");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String where) {
        assertInstanceOf(List.class, value, where + " must be a list");
        return (List<Object>) value;
    }

    private static Map<String, Object> workflow() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new SafeConstructor(options)).load(Files.readString(WORKFLOW));
        Map<Object, Object> raw = new LinkedHashMap<>((Map<?, ?>) root);
        // YAML 1.1 reads the key 'on' as true; GitHub reads it as the trigger
        Object triggers = raw.containsKey("on") ? raw.remove("on") : raw.remove(Boolean.TRUE);
        assertNotNull(triggers, "no 'on:' triggers");
        Map<String, Object> flow = new LinkedHashMap<>();
        raw.forEach((k, v) -> flow.put(String.valueOf(k), v));
        flow.put("on", triggers);
        return flow;
    }

    private static List<Map<String, Object>> steps(Map<String, Object> job, String name) {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : list(job.get("steps"), name + ".steps")) {
            steps.add(map(step, name + " step"));
        }
        return steps;
    }

    private static List<String> needs(Map<String, Object> job) {
        Object needs = job.get("needs");
        return needs == null ? List.of() : needs instanceof String one ? List.of(one)
                : list(needs, "needs").stream().map(String::valueOf).toList();
    }

    private static String runOf(List<Map<String, Object>> steps, String containing) {
        return steps.stream().map(s -> (String) s.get("run")).filter(r -> r != null && r.contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError("no step runs " + containing));
    }

    private static String jarKey(List<Map<String, Object>> steps, String job) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith("actions/cache"))
                .map(s -> map(s.get("with"), job + " cache")).filter(w -> "target/lemsbridge.jar".equals(w.get("path")))
                .map(w -> (String) w.get("key")).findFirst().orElseThrow(() -> new AssertionError(job
                        + " does not cache the jar"));
    }

    @Test
    void theWorkflowHasAShardMatrixAndAMergeThatPublishes() throws IOException {
        Map<String, Object> flow = workflow();
        Map<String, Object> jobs = map(flow.get("jobs"), "jobs");
        assertEquals(List.of("build", "shard", "merge"), List.copyOf(jobs.keySet()));
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Object> entry : jobs.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> job = map(entry.getValue(), name);
            assertTrue(JOB_KEYS.containsAll(job.keySet()), name + ": unknown keys in " + job.keySet());
            assertTrue(job.get("runs-on") instanceof String, name + " needs runs-on");
            assertTrue(seen.containsAll(needs(job)), name + " needs a job not defined before it: " + needs(job));
            seen.add(name);
            Set<String> ids = new HashSet<>();
            for (Map<String, Object> step : steps(job, name)) {
                assertTrue(STEP_KEYS.containsAll(step.keySet()), name + ": unknown step keys " + step.keySet());
                assertTrue(step.containsKey("uses") != step.containsKey("run"), name + ": a step " + step
                        + " must either use an action or run a command");
                if (step.containsKey("uses")) {
                    assertTrue(String.valueOf(step.get("uses")).matches("[\\w.-]+/[\\w./-]+@v\\d+"),
                            "unpinned action " + step.get("uses"));
                }
                if (step.containsKey("id")) {
                    ids.add((String) step.get("id"));
                }
            }
            Matcher expressions = EXPRESSION.matcher(new Yaml().dump(job));
            while (expressions.find()) {
                String expression = expressions.group(1).trim();
                assertTrue(!expression.contains("matrix.") || job.containsKey("strategy"),
                        name + " uses the matrix without one: " + expression);
                Matcher step = Pattern.compile("steps\\.([\\w-]+)\\.").matcher(expression);
                while (step.find()) {
                    assertTrue(ids.contains(step.group(1)), name + " reads an unknown step " + step.group(1));
                }
            }
        }

        Map<String, Object> shard = map(jobs.get("shard"), "shard");
        Map<String, Object> strategy = map(shard.get("strategy"), "shard.strategy");
        assertEquals(false, strategy.get("fail-fast"), "one failing shard must not cancel the others");
        List<Object> matrix = list(map(strategy.get("matrix"), "matrix").get("shard"), "matrix.shard");
        int n = matrix.size();
        List<Object> expected = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            expected.add(k);
        }
        assertEquals(expected, matrix);
        List<Map<String, Object>> shardSteps = steps(shard, "shard");
        String check = runOf(shardSteps, " check ");
        assertTrue(check.contains("--shard ${{ matrix.shard }}/" + n + " "), check);
        assertTrue(check.contains("--report report-${{ matrix.shard }}"), check);
        assertTrue(String.valueOf(shard.get("name")).endsWith("/" + n), "the job name counts " + n + " shards");
        Map<String, Object> upload = shardSteps.stream().filter(s -> String.valueOf(s.get("uses"))
                .startsWith("actions/upload-artifact")).findFirst().map(s -> map(s.get("with"), "upload"))
                .orElseThrow();
        assertEquals("shard-${{ matrix.shard }}", upload.get("name"));
        assertEquals("report-${{ matrix.shard }}", upload.get("path"));

        Map<String, Object> merge = map(jobs.get("merge"), "merge");
        assertTrue(needs(merge).contains("shard"));
        assertTrue(String.valueOf(merge.get("if")).contains("!cancelled()"), "merge must run after failing shards");
        List<Map<String, Object>> mergeSteps = steps(merge, "merge");
        Map<String, Object> download = mergeSteps.stream().filter(s -> String.valueOf(s.get("uses"))
                .startsWith("actions/download-artifact")).findFirst().map(s -> map(s.get("with"), "download"))
                .orElseThrow();
        assertEquals("shard-*", download.get("pattern"));
        assertEquals("shards", download.get("path"));
        StringBuilder reports = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            reports.append(" shards/shard-").append(k);
        }
        assertTrue(runOf(mergeSteps, " merge ").contains(" merge" + reports + " -o report --junit junit.xml"));
        assertTrue(runOf(mergeSteps, "GITHUB_STEP_SUMMARY").contains("report/report.md"));
        assertTrue(mergeSteps.stream().anyMatch(s -> String.valueOf(s.get("uses")).contains("junit")
                && "junit.xml".equals(map(s.get("with"), "junit").get("report_paths"))), "JUnit is not published");

        String key = jarKey(steps(map(jobs.get("build"), "build"), "build"), "build");
        assertEquals(key, jarKey(shardSteps, "shard"));
        assertEquals(key, jarKey(mergeSteps, "merge"));
    }

    /** A folder laid out like a checkout with a stand-in java that runs lemsbridge's classes for "-jar JAR". */
    private Path checkout() throws IOException {
        Path work = folder.resolve("checkout");
        Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(work.resolve("examples"), Path.of("examples").toAbsolutePath());
        Files.createSymbolicLink(work.resolve("reference-data"), Path.of("reference-data").toAbsolutePath());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        script(work.resolve("bin/java"), "#!/usr/bin/env bash\n[ \"$1\" = -jar ] && [ \"$2\" = target/lemsbridge.jar ]"
                + " || { echo \"unexpected java $*\" >&2; exit 99; }\nshift 2\nexec '" + java + "' -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -cp '" + System.getProperty("java.class.path")
                + "' " + Main.class.getName() + " \"$@\"\n");
        script(work.resolve("lemsbridge"), "#!/usr/bin/env bash\nexec java -jar target/lemsbridge.jar \"$@\"\n");
        return work;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int bash(Path work, String script, Map<String, String> env, StringBuilder output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script).directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(env);
        Process process = builder.start();
        output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return process.waitFor();
    }

    @Test
    void theWorkflowsShellStepsRunEveryShardAndMerge() throws IOException, InterruptedException {
        Map<String, Object> jobs = map(workflow().get("jobs"), "jobs");
        List<Map<String, Object>> shardSteps = steps(map(jobs.get("shard"), "shard"), "shard");
        List<Map<String, Object>> mergeSteps = steps(map(jobs.get("merge"), "merge"), "merge");
        int n = list(map(map(map(jobs.get("shard"), "shard").get("strategy"), "s").get("matrix"), "m").get("shard"),
                "matrix").size();
        Path work = checkout();
        StringBuilder output = new StringBuilder();
        for (int k = 1; k <= n; k++) {
            String check = runOf(shardSteps, " check ").replace("${{ matrix.shard }}", String.valueOf(k));
            assertEquals(0, bash(work, check, Map.of(), output), output.toString());
            // the artifact download puts shard k's report-k folder at shards/shard-k
            Files.createDirectories(work.resolve("shards"));
            Files.move(work.resolve("report-" + k), work.resolve("shards/shard-" + k));
        }
        Path stepSummary = folder.resolve("step-summary.md");
        Files.writeString(stepSummary, "");
        assertEquals(0, bash(work, runOf(mergeSteps, " merge "), Map.of(), output), output.toString());
        assertEquals(0, bash(work, runOf(mergeSteps, "GITHUB_STEP_SUMMARY"), Map.of("GITHUB_STEP_SUMMARY",
                stepSummary.toString()), output), output.toString());
        SuiteSummary merged = SuiteReports.read(work.resolve("report/summary.json"));
        assertEquals(List.of(7, 0, 0, n), List.of(merged.passed(), merged.failed(), merged.errors(),
                merged.shards().size()));
        assertEquals(Files.readString(work.resolve("report/report.md")), Files.readString(stepSummary));
        assertEquals(Files.readString(work.resolve("report/junit.xml")), Files.readString(work.resolve("junit.xml")));
        // the next run's shards balance by these times
        assertEquals(0, bash(work, runOf(mergeSteps, "timings/summary.json"), Map.of(), output), output.toString());
        String check = runOf(shardSteps, " check ").replace("${{ matrix.shard }}", "1");
        assertEquals(0, bash(work, check, Map.of(), output), output.toString());
        assertEquals("recorded times", SuiteReports.read(work.resolve("report-1/summary.json")).shards().get(0)
                .basis());
    }

    @Test
    void slurmSubmitsAnArrayAndAMergeAfterIt() throws IOException, InterruptedException {
        Path work = checkout();
        Path calls = folder.resolve("sbatch-calls");
        script(work.resolve("bin/sbatch"), "#!/usr/bin/env bash\necho \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *--array*) echo '4242;cluster' ;; *) echo 4243 ;; esac\n");
        StringBuilder output = new StringBuilder();
        String slurm = SLURM.toAbsolutePath().toString();
        assertEquals(0, bash(work, "'" + slurm + "' submit", Map.of("SHARDS", "3", "SBATCH_OPTIONS",
                "--partition=short"), output), output.toString());
        assertEquals(List.of("--parsable --partition=short --array=1-3 --export=ALL " + slurm + " shard",
                "--parsable --partition=short --dependency=afterany:4242 --export=ALL " + slurm + " merge"),
                Files.readAllLines(calls));
    }

    @Test
    void slurmsArrayBodyRunsForEachTaskAndTheMergeJobMergesThem() throws IOException, InterruptedException {
        Path work = checkout();
        StringBuilder output = new StringBuilder();
        String slurm = SLURM.toAbsolutePath().toString();
        for (int k = 1; k <= 2; k++) {
            assertEquals(0, bash(work, "'" + slurm + "' shard", Map.of("SHARDS", "2", "SLURM_ARRAY_TASK_ID",
                    String.valueOf(k)), output), output.toString());
        }
        assertEquals(0, bash(work, "'" + slurm + "' merge", Map.of("SHARDS", "2"), output), output.toString());
        SuiteSummary merged = SuiteReports.read(work.resolve("lemsbridge-slurm/report/summary.json"));
        assertEquals(List.of(7, 2), List.of(merged.passed(), merged.shards().size()));
        assertTrue(Files.isRegularFile(work.resolve("lemsbridge-slurm/junit.xml")));
        assertEquals(2, bash(work, "'" + slurm + "'", Map.of(), output));
        assertFalse(output.toString().contains("unexpected java"), output.toString());
    }
}
