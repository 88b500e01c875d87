package org.lemsbridge.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lemsbridge.validate.StartupPhases;


/**
 * The start-up profile (issue 18): where the time of a small simulation goes before and around its first step. For
 * each model it runs, alternately and each in a fresh JVM with the launcher's options and archive:
 * <ul>
 * <li>the JVM's own start-up ({@code java -version} with the same options);</li>
 * <li>{@code lemsbridge simulate} as a whole process, as {@code ./lemsbridge} runs it;</li>
 * <li>the phase probe {@link StartupPhases} under {@code -Xlog:class+load}: per phase the wall, process CPU and
 * main-thread CPU milliseconds and the classes it loaded (and how many of them did not come from the archive),
 * and at its end the CPU time of each kind of thread (JIT compilers, GC, the ended output thread).</li>
 * </ul>
 * The models: Ex2 on the bundled core types, NeuroML's LEMS_NML2_Ex2_Izh.xml and the N = 1 000 scaling model on the
 * upstream core types (the last two need the shared folder).
 * and prints medians as a Markdown table. Run from the project root after {@code ./lemsbridge --version} (which
 * builds the jar and its archive) and {@code mvn -B -o -q test-compile}:
 * <pre>
 * java -cp target/test-classes org.lemsbridge.bench.StartupProfile [--repeat 7] [--shared ../shared]
 * </pre>
 */
public final class StartupProfile {

    private record Model(String name, Path file, List<Path> includes) {
    }

    private StartupProfile() {
    }

    public static void main(String[] args) throws Exception {
        int repeat = 7;
        Path shared = Path.of("../shared");
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                case "--shared" -> shared = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path project = Path.of("").toAbsolutePath();
        Path jar = project.resolve("target/lemsbridge.jar");
        Path work = Files.createTempDirectory("lemsbridge-startup");
        List<Model> models = new ArrayList<>();
        models.add(new Model("Ex2_Izh, bundled core types", project.resolve("examples/ex2-izhikevich/Ex2_Izh.xml"),
                List.of()));
        Path upstreamEx2 = shared.resolve("reference-data/Ex2_Izh/LEMS_NML2_Ex2_Izh.xml");
        Path coreTypes = shared.resolve("upstream/NeuroML2/NeuroML2CoreTypes");
        if (Files.exists(upstreamEx2) && Files.isDirectory(coreTypes)) {
            Path copy = work.resolve("LEMS_NML2_Ex2_Izh.xml");
            Files.copy(upstreamEx2, copy);
            models.add(new Model("LEMS_NML2_Ex2_Izh, upstream core types", copy, List.of(coreTypes.toAbsolutePath())));
        } else {
            System.err.println("skipping the upstream Ex2: " + upstreamEx2 + " or " + coreTypes + " is missing");
        }
        Path scaled = shared.resolve("reference-data/scaling/LEMS_Izh_scaled_N1000.xml");
        if (Files.exists(scaled) && Files.isDirectory(coreTypes)) {
            models.add(new Model("N = 1 000 Izhikevich cells + pulse, upstream core types", scaled,
                    List.of(coreTypes.toAbsolutePath())));
        }
        List<String> options = launcherOptions(jar);
        System.out.println("Machine: " + MachineDescription.describe() + "; options: " + String.join(" ", options) + "\n");
        try {
            for (Model model : models) {
                profile(model, jar, project, options, work, repeat);
            }
        } finally {
            BenchOptions.deleteTree(work);
        }
    }

    private static void profile(Model model, Path jar, Path project, List<String> options, Path work, int repeat)
            throws IOException, InterruptedException {
        List<Double> jvmWall = new ArrayList<>();
        List<Double> jvmCpu = new ArrayList<>();
        List<Double> wholeWall = new ArrayList<>();
        List<Double> wholeCpu = new ArrayList<>();
        Map<String, List<double[]>> phases = new LinkedHashMap<>();
        Path out = work.resolve("out");
        Path log = work.resolve("classes.log");
        for (int run = 0; run < repeat; run++) {
            List<String> jvm = new ArrayList<>(List.of("java"));
            jvm.addAll(options);
            jvm.add("-version");
            ProcessStats own = ProcessStats.run(jvm, work, 600);
            jvmWall.add(own.wallSeconds());
            jvmCpu.add(own.cpuSeconds());

            List<String> whole = new ArrayList<>(List.of("java"));
            whole.addAll(options);
            whole.addAll(List.of("-jar", jar.toString(), "simulate", model.file().toString(), "-o", out.toString()));
            model.includes().forEach(folder -> whole.addAll(List.of("-I", folder.toString())));
            ProcessStats stats = ProcessStats.run(whole, work, 600);
            require(stats);
            wholeWall.add(stats.wallSeconds());
            wholeCpu.add(stats.cpuSeconds());

            List<String> probe = new ArrayList<>(List.of("java"));
            probe.addAll(options);
            probe.addAll(List.of("-Xlog:class+load:file=" + log, "-cp",
                    jar + File.pathSeparator + project.resolve("target/test-classes"),
                    StartupPhases.class.getName(), model.file().toString(), out.toString()));
            model.includes().forEach(folder -> probe.add(folder.toString()));
            ProcessStats probed = ProcessStats.run(probe, work, 600);
            require(probed);
            int[][] classes = classesPerPhase(Files.readAllLines(log));
            for (String line : probed.stdout().split("\n")) {
                String[] fields = line.split("\t");
                if (fields[0].equals("phase")) {
                    int index = Integer.parseInt(fields[1]);
                    phases.computeIfAbsent(fields[2], name -> new ArrayList<>()).add(new double[] {
                            Double.parseDouble(fields[3]), Double.parseDouble(fields[4]),
                            Double.parseDouble(fields[5]), classes[index][0], classes[index][1]});
                } else if (fields[0].equals("thread")) {
                    phases.computeIfAbsent("CPU at exit of thread(s) " + fields[1], n -> new ArrayList<>()).add(
                            new double[] {Double.NaN, Double.parseDouble(fields[2]), Double.NaN, Double.NaN,
                                Double.NaN});
                } else if (fields[0].equals("loop") || fields[0].equals("main")) {
                    String name = fields[0].equals("loop") ? "  of which the step loop" : "main, in all";
                    phases.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[] {
                            Double.parseDouble(fields[1]), Double.NaN, Double.NaN, Double.NaN, Double.NaN});
                }
            }
        }
        System.out.printf(Locale.ROOT, "### %s (%s)%n%n", model.name(), model.file().getFileName());
        System.out.printf(Locale.ROOT, "Whole process `lemsbridge simulate`: wall %.3f s, CPU %.3f s; the JVM's own"
                + " (`java -version`, same options): wall %.3f s, CPU %.3f s. Medians of %d, alternating.%n%n",
                median(wholeWall), median(wholeCpu), median(jvmWall), median(jvmCpu), repeat);
        System.out.println("| phase (in process) | wall ms | process CPU ms | main-thread CPU ms | classes loaded |"
                + " of them not from the archive |\n|---|---|---|---|---|---|");
        for (Map.Entry<String, List<double[]>> phase : phases.entrySet()) {
            StringBuilder row = new StringBuilder("| " + phase.getKey());
            for (int column = 0; column < 5; column++) {
                int c = column;
                double value = median(phase.getValue().stream().map(values -> values[c]).toList());
                row.append(" | ").append(Double.isNaN(value) ? "" : String.format(Locale.ROOT,
                        column < 3 ? "%.1f" : "%.0f", value));
            }
            System.out.println(row.append(" |"));
        }
        System.out.println();
    }

    /** Per phase: classes loaded, and of them those not from a shared archive; phase 0 includes the JVM's boot. */
    private static int[][] classesPerPhase(List<String> log) {
        int[][] counts = new int[StartupPhases.PHASES.size() + 1][2];
        int phase = 0;
        for (String line : log) {
            if (line.contains("StartupPhases$Mark")) {
                phase++;
                continue;
            }
            counts[phase][0]++;
            if (!line.contains("shared objects file")) {
                counts[phase][1]++;
            }
        }
        return counts;
    }

    private static List<String> launcherOptions(Path jar) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        options.addAll(LauncherFlags.YOUNG_GENERATION);
        options.addAll(LauncherFlags.DELAYED_C2);
        options.addAll(LauncherFlags.archive(jar, true));
        return options;
    }

    private static void require(ProcessStats stats) {
        if (stats.exitCode() != 0) {
            throw new IllegalStateException("exit " + stats.exitCode() + ":\n" + stats.stdout() + stats.stderr());
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted()
                .toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
