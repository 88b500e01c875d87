package org.lemsbridge.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The performance benchmark of issue 6 (a plain main, not a test). Every measurement runs in a fresh child JVM:
 * <ul>
 * <li>the scaled Izhikevich models (N cells with a pulse each, 200 ms at 5 us): the stepping loop in neuron-steps/s
 * ({@link LoopProbe}), and {@code simulate} as a whole process: wall and CPU seconds, peak RSS;</li>
 * <li>the hand-written loop {@code IzhLimit.java} on the same N, and whether its .dat equals ours byte for byte;</li>
 * <li>Ex2_Izh and Ex1_HH as jLEMS ran them;</li>
 * <li>reading and comparing a large (~80 MB) .dat made by {@code simulate}.</li>
 * </ul>
 * Run it with {@code bench/run.sh} (see there for the options). It prints the machine and writes a Markdown table.
 */
public final class Benchmark {

    private final BenchOptions options;
    private final Path jar;
    private final Path baselineJar;
    private final List<String> rows = new ArrayList<>();

    private Benchmark(BenchOptions options) {
        this.options = options;
        jar = Path.of(options.get("jar", options.project().resolve("target/lemsbridge.jar").toString()));
        baselineJar = options.has("baseline-jar") ? Path.of(options.get("baseline-jar", null)) : null;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, "lemsbridge-bench", 3);
        try {
            new Benchmark(options).runAll();
        } finally {
            options.removeTemporaryWork();
        }
    }

    private void runAll() throws Exception {
        String machine = machine();
        System.out.println(machine);
        Path coreTypes = options.shared().resolve("upstream/NeuroML2/NeuroML2CoreTypes");
        if (!Files.isDirectory(coreTypes)) {
            throw new IllegalStateException("no NeuroML2 core types at " + coreTypes + " (set --shared)");
        }
        int[] sizes = Arrays.stream(options.get("sizes", "10,100,1000,10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        int baselineMax = Integer.parseInt(options.get("baseline-max-size", "1000"));
        Path limit = options.shared().resolve("reference-data/scaling/IzhLimit.java");
        for (int n : sizes) {
            Path model = ScaledModel.izhikevich(options.work(), n);
            String ours = scaled("lemsbridge", jar, model, n, coreTypes);
            if (baselineJar != null && n <= baselineMax) {
                scaled("before", baselineJar, model, n, coreTypes);
            }
            if (Files.exists(limit)) {
                limitLoop(limit, n, ours);
            }
        }
        Path reference = options.shared().resolve("reference-data");
        example("Ex2_Izh", reference.resolve("Ex2_Izh/LEMS_NML2_Ex2_Izh.xml"), 4, coreTypes);
        example("Ex1_HH", reference.resolve("Ex1_HH/LEMS_NML2_Ex1_HH.xml"), 1, coreTypes);
        largeTrace(coreTypes);
        String table = table(machine);
        Path out = Path.of(options.get("out", options.project().resolve("bench/results.md").toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + out);
    }

    /** Loop probe and whole-process runs of one scaled model with one jar; returns the path of the .dat written. */
    private String scaled(String label, Path whichJar, Path model, int n, Path coreTypes) throws Exception {
        Path out = Files.createDirectories(options.work().resolve(label + "-N" + n));
        long steps = 40000;
        boolean big = (long) n * steps >= 4_000_000_000L;
        double loopSeconds = loopSeconds(whichJar, model, out, coreTypes, big ? 1 : options.repeat());
        Whole whole = whole(whichJar, List.of("simulate", model.toString(), "-I", coreTypes.toString(), "-o",
                out.toString()), big ? 1 : options.repeat());
        String dat = out.resolve("izh_scaled_N" + n + "_v.dat").toString();
        rows.add(row("N=" + n + " Izhikevich + pulse", label, n * steps, n * steps / loopSeconds, whole, ""));
        return dat;
    }

    private void limitLoop(Path limit, int n, String ours) throws Exception {
        Path dat = options.work().resolve("limit-N" + n + ".dat");
        ProcessStats stats = ProcessStats.run(List.of(options.java(), limit.toString(), String.valueOf(n), dat.toString()),
                options.work(), 3600);
        stats.checked("IzhLimit");
        double rate = Double.parseDouble(field(stats.stdout(), "neuron_steps_per_s"));
        boolean same = Arrays.equals(Files.readAllBytes(dat), Files.readAllBytes(Path.of(ours)));
        rows.add(row("N=" + n + " Izhikevich + pulse", "IzhLimit.java (hand-written)", n * 40000L, rate,
                new Whole(stats.wallSeconds(), stats.cpuSeconds(), stats.peakRssMib(), 1),
                same ? "same .dat as lemsbridge" : "**.dat differs from lemsbridge**"));
        Files.delete(dat);
    }

    private void example(String name, Path model, int cells, Path coreTypes) throws Exception {
        if (!Files.exists(model)) {
            System.out.println("skipped " + name + ": " + model + " is absent");
            return;
        }
        for (String label : baselineJar == null ? List.of("lemsbridge") : List.of("lemsbridge", "before")) {
            Path whichJar = label.equals("before") ? baselineJar : jar;
            Path out = Files.createDirectories(options.work().resolve(label + "-" + name));
            double loop = loopSeconds(whichJar, model, out, coreTypes, options.repeat());
            Whole whole = whole(whichJar, List.of("simulate", model.toString(), "-I", coreTypes.toString(), "-o",
                    out.toString()), options.repeat());
            long steps = steps(name);
            String same = sameAsReference(name, out);
            rows.add(row(name, label, cells * steps, cells * steps / loop, whole, same));
        }
    }

    private static long steps(String example) {
        return example.equals("Ex2_Izh") ? 40000 : 15000;
    }

    /** Whether every .dat of the example equals jLEMS's reference byte for byte. */
    private String sameAsReference(String name, Path out) throws IOException {
        Path folder = options.shared().resolve("reference-data").resolve(name);
        List<String> verdicts = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path ref : files.filter(f -> f.toString().endsWith(".dat") || f.toString().endsWith(".dat.gz"))
                    .sorted().toList()) {
                String datName = ref.getFileName().toString().replace(".gz", "");
                Path ours = out.resolve(datName);
                byte[] expected = ref.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(ref)).readAllBytes()
                        : Files.readAllBytes(ref);
                boolean same = Files.exists(ours) && Arrays.equals(expected, Files.readAllBytes(ours));
                verdicts.add(datName + (same ? " = jLEMS" : " **differs from jLEMS**"));
            }
        }
        return String.join(", ", verdicts);
    }

    private void largeTrace(Path coreTypes) throws Exception {
        int cells = Integer.parseInt(options.get("trace-cells", "180"));
        Path model = ScaledModel.wideTrace(options.work(), cells);
        Path out = Files.createDirectories(options.work().resolve("trace"));
        Whole made = whole(jar, List.of("simulate", model.toString(), "-I", coreTypes.toString(), "-o",
                out.toString()), 1);
        Path candidate = out.resolve("izh_wide_N" + cells + ".dat");
        rows.add(row("write a " + mb(Files.size(candidate)) + " MB .dat (" + cells + " columns)", "lemsbridge",
                cells * 40000L, Double.NaN, made, ""));
        Path reference = out.resolve("reference.dat");
        Files.copy(candidate, reference, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(out.resolve(candidate.getFileName() + ".json"), out.resolve("reference.dat.json"),
                StandardCopyOption.REPLACE_EXISTING);
        // The in-process probe calls this version's TraceLoader (both files read together), which a baseline jar lacks,
        // so only the current jar is measured here.
        for (String label : List.of("lemsbridge")) {
            Path whichJar = jar;
            List<Double> seconds = new ArrayList<>();
            String line = "";
            for (int i = 0; i < options.repeat(); i++) {
                ProcessStats probe = ProcessStats.run(List.of(options.java(), "-cp", classpath(whichJar),
                        "org.lemsbridge.bench.CompareProbe", reference.toString(), candidate.toString()), options.work(), 3600);
                probe.checked("CompareProbe");
                line = probe.stdout().trim();
                seconds.add((Long.parseLong(field(line, "read_ns"))
                        + Long.parseLong(field(line, "compare_ns"))) / 1e9);
            }
            double both = BenchOptions.median(seconds);
            long bytes = Long.parseLong(field(line, "bytes"));
            Whole whole = whole(whichJar, List.of("compare", reference.toString(), candidate.toString()), options.repeat());
            String note = String.format(Locale.ROOT, "read 2 x %s MB + compare in-process: %.2f s = %.0f MB/s; "
                    + "whole process %.0f MB/s; %s", mb(bytes / 2), both, bytes / 1e6 / both,
                    bytes / 1e6 / whole.wall(), line.contains("passed=true") ? "passed" : "**failed**");
            rows.add(row("read + compare 2 x " + mb(bytes / 2) + " MB .dat", label, 0, Double.NaN, whole, note));
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1e6);
    }

    private double loopSeconds(Path whichJar, Path model, Path out, Path coreTypes, int times) throws Exception {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ProcessStats stats = ProcessStats.run(List.of(options.java(), "-cp", classpath(whichJar), "org.lemsbridge.bench.LoopProbe",
                    model.toString(), out.toString(), coreTypes.toString()), options.work(), 7200);
            stats.checked("LoopProbe");
            long loop = Long.parseLong(field(stats.stdout(), "loop_ns"));
            seconds.add((loop > 0 ? loop : Long.parseLong(field(stats.stdout(), "run_ns"))) / 1e9);
        }
        return BenchOptions.median(seconds);
    }

    private record Whole(double wall, double cpu, double rssMib, int runs) {
    }

    private Whole whole(Path whichJar, List<String> arguments, int times) throws Exception {
        return whole(whichJar, List.of(), arguments, times);
    }

    private Whole whole(Path whichJar, List<String> jvmOptions, List<String> arguments, int times) throws Exception {
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        double rss = 0;
        for (int i = 0; i < times; i++) {
            List<String> command = new ArrayList<>(List.of(options.java(), "-Djava.awt.headless=true"));
            command.addAll(launcherOptions(whichJar));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", whichJar.toString()));
            command.addAll(arguments);
            ProcessStats stats = ProcessStats.run(command, options.work(), 7200);
            stats.checked(String.join(" ", arguments));
            walls.add(stats.wallSeconds());
            cpus.add(stats.cpuSeconds());
            rss = Math.max(rss, stats.peakRssMib());
        }
        return new Whole(BenchOptions.median(walls), BenchOptions.median(cpus), rss, times);
    }

    /**
     * The JVM options the {@code ./lemsbridge} launcher gives the project's own jar (serial collector, capped young
     * generation, delayed C2, and the class-data-sharing archive it records after a build), so whole-process figures
     * are what users get.
     */
    private static List<String> launcherOptions(Path whichJar) {
        if (!whichJar.getFileName().toString().equals("lemsbridge.jar")) {
            return List.of();
        }
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        options.addAll(LauncherFlags.YOUNG_GENERATION);
        options.addAll(LauncherFlags.DELAYED_C2);
        options.addAll(LauncherFlags.archive(whichJar, true));
        return options;
    }

    private String classpath(Path whichJar) {
        return whichJar + File.pathSeparator + options.project().resolve("target/test-classes");
    }

    private static String field(String text, String name) {
        for (String token : text.trim().split("\\s+")) {
            if (token.startsWith(name + "=")) {
                return token.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("no " + name + " in: " + text);
    }

    private String row(String workload, String tool, long neuronSteps, double rate, Whole whole, String note) {
        String line = String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f | %.2f | %.0f | %s |", workload, tool,
                neuronSteps > 0 ? String.format(Locale.ROOT, "%.1e", (double) neuronSteps) : "",
                Double.isNaN(rate) ? "" : String.format(Locale.ROOT, "%.2e", rate), whole.wall(), whole.cpu(),
                whole.rssMib(), note);
        System.out.println(line);
        return line;
    }

    private String table(String machine) {
        StringBuilder text = new StringBuilder();
        text.append("Machine: ").append(machine.replace("\n", "; ")).append("\n\n");
        text.append("| workload | run by | neuron-steps | loop neuron-steps/s | whole process wall s | CPU s (user+sys) "
                + "| peak RSS MiB | notes |\n|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> text.append(r).append('\n'));
        text.append("\nWall and CPU: median of ").append(options.repeat()).append(" runs (1 run when N x steps >= 4e9); peak RSS: "
                + "the largest of those runs (`/usr/bin/time -v`). Loop: the stepping loop timed inside the simulator "
                + "(initial state to last row, recording included; parsing, building and closing files excluded), "
                + "median over runs in fresh JVMs. `before` = ").append(baselineJar == null ? "not measured"
                : baselineJar.getFileName() + " (its loop figure includes building the instance tree)").append(".\n");
        return text.toString();
    }

    private String machine() throws IOException {
        return MachineDescription.describe();
    }
}
