package org.lemsbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Issue 18's figures, each next to its anchor in one run (a plain main; {@code bench/run.sh} runs it). Every
 * measurement is a whole process, as a user runs it ({@code ./lemsbridge ...}, the launcher with its options and
 * class-data-sharing archive); each workload and its anchor run alternately, {@code --repeat} times (at least 5 for
 * figures to quote), and the table gives median wall and CPU seconds and the largest peak RSS:
 * <ul>
 * <li>NeuroML's {@code LEMS_NML2_Ex2_Izh.xml} (the reference-data copy, with the upstream core types beside it) against
 * jLEMS 0.11.1 on the same files; every .dat jLEMS writes must equal ours byte for byte;</li>
 * <li>the scaled Izhikevich models (N cells with a pulse each, 200 ms at 5 us) against {@code IzhLimit.java},
 * compiled once with javac; the .dat files must be equal;</li>
 * <li>{@code check examples/suite.yaml} against {@code java -version} (the JVM's own start);</li>
 * <li>{@code compare} of two equal traces of about {@code --trace-mb} MB each against {@code cmp} of the same files.</li>
 * </ul>
 * Every process runs on the JVM that runs this main (run.sh picks {@code $LEMSBRIDGE_JAVA}, else
 * {@code $JAVA_HOME}, else the PATH's java, as the launcher does, and the launcher and the jLEMS command inherit the
 * environment). It writes the table to {@code --out} and, with {@code --readme}, replaces the README's table between
 * {@code <!-- SECTION:begin -->} and {@code <!-- SECTION:end -->}, where SECTION is {@code --section} (default
 * {@value #SECTION}).
 */
public final class SideBySide {

    static final String SECTION = "side-by-side";

    private final BenchOptions options;
    private final Path coreTypes;
    private final Path launcher;
    private final Path jlems;
    private final List<String> rows = new ArrayList<>();

    private SideBySide(BenchOptions options) {
        this.options = options;
        coreTypes = options.shared().resolve("upstream/NeuroML2/NeuroML2CoreTypes");
        launcher = options.project().resolve("lemsbridge");
        jlems = Path.of(options.get("jlems", "/tmp/jlems"));
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, "lemsbridge-side-by-side", 5);
        try {
            new SideBySide(options).runAll();
        } finally {
            options.removeTemporaryWork();
        }
    }

    private void runAll() throws Exception {
        if (!Files.isDirectory(coreTypes)) {
            throw new IllegalStateException("no NeuroML2 core types at " + coreTypes + " (set --shared)");
        }
        String machine = MachineDescription.describe();
        System.out.println(machine);
        List<String> parts = List.of(options.get("parts", "ex2,scaling,check,compare").split(","));
        if (parts.contains("ex2")) {
            ex2();
        }
        if (parts.contains("scaling")) {
            for (String n : options.get("sizes", "1000,10000,100000").split(",")) {
                scaled(Integer.parseInt(n.trim()));
            }
        }
        if (parts.contains("check")) {
            suite();
        }
        if (parts.contains("compare")) {
            compare(Double.parseDouble(options.get("trace-mb", "150")));
        }
        String table = table(machine);
        Path out = Path.of(options.get("out", options.project().resolve("bench/side-by-side.md").toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + out);
        if (!options.get("readme", "none").equals("none")) {
            Path readme = Path.of(options.get("readme", "none"));
            String text = Files.readString(readme);
            String section = options.get("section", SECTION);
            String begin = "<!-- " + section + ":begin -->";
            String end = "<!-- " + section + ":end -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalStateException(readme + " has no " + begin + " ... " + end + " block");
            }
            Files.writeString(readme, text.substring(0, from + begin.length()) + "\n" + table
                    + text.substring(to));
            System.out.println("table replaced in " + readme);
        }
    }

    // ---- the workloads ----

    private void ex2() throws Exception {
        Path model = options.shared().resolve("reference-data/Ex2_Izh/LEMS_NML2_Ex2_Izh.xml");
        Path ours = modelFolder("ex2-lemsbridge", model);
        Path theirs = modelFolder("ex2-jlems", model);
        String file = model.getFileName().toString();
        Pair pair = alternate(
                () -> ProcessStats.run(List.of(launcher.toString(), "simulate", file, "-nogui"), options.work(), 600, ours),
                () -> ProcessStats.run(List.of(jlems.toString(), file, "-nogui"), options.work(), 600, theirs));
        List<String> same = new ArrayList<>();
        try (Stream<Path> written = Files.list(theirs)) {
            for (Path dat : written.filter(f -> f.toString().endsWith(".dat")).sorted().toList()) {
                Path mine = ours.resolve(dat.getFileName());
                boolean equal = Files.exists(mine) && Arrays.equals(Files.readAllBytes(dat), Files.readAllBytes(mine));
                same.add(dat.getFileName() + (equal ? " = jLEMS" : " **differs from jLEMS**"));
            }
        }
        Path reference = options.shared().resolve("reference-data/Ex2_Izh/Ex2_Izh_allcells.dat.gz");
        if (Files.exists(reference)) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(reference))) {
                boolean equal = Arrays.equals(in.readAllBytes(), Files.readAllBytes(ours.resolve("Ex2_Izh_allcells.dat")));
                same.add(equal ? "= reference-data" : "**differs from reference-data**");
            }
        }
        double ratio = pair.ours().wall() / pair.anchor().wall();
        row("Ex2_Izh (`simulate LEMS_NML2_Ex2_Izh.xml -nogui`)", "jLEMS 0.11.1", pair, "<= 0.5 x and <= 0.45 s",
                ratio <= 0.5 && pair.ours().wall() <= 0.45, String.join(", ", same));
    }

    private void scaled(int n) throws Exception {
        Path folder = Files.createDirectories(options.work().resolve("scaling"));
        Path model = ScaledModel.izhikevich(folder, n);
        Path ours = Files.createDirectories(folder.resolve("out-N" + n));
        Path limitClasses = limitClasses();
        Path limitDat = folder.resolve("limit-N" + n + ".dat");
        Pair pair = alternate(
                () -> ProcessStats.run(List.of(launcher.toString(), "simulate", model.toString(), "-I",
                        coreTypes.toString(), "-o", ours.toString()), options.work(), 7200),
                () -> ProcessStats.run(List.of(options.java(), "-cp", limitClasses.toString(), "IzhLimit", String.valueOf(n),
                        limitDat.toString()), options.work(), 7200));
        boolean same = Arrays.equals(Files.readAllBytes(limitDat),
                Files.readAllBytes(ours.resolve("izh_scaled_N" + n + "_v.dat")));
        double ratio = pair.ours().wall() / pair.anchor().wall();
        String target;
        boolean met;
        if (n <= 1000) {
            target = "<= 1.2 x";
            met = ratio <= 1.2;
        } else if (n <= 10000) {
            target = "<= 0.8 x";
            met = ratio <= 0.8;
        } else {
            target = "<= 0.7 x and < 400 MiB";
            met = ratio <= 0.7 && pair.ours().rssMib() < 400;
        }
        row(String.format(Locale.ROOT, "N = %,d Izhikevich + pulse, 200 ms", n), "IzhLimit.java", pair, target,
                met && same, same ? "same .dat as IzhLimit" : "**.dat differs from IzhLimit**");
        Files.delete(limitDat);
    }

    private void suite() throws Exception {
        Path report = options.work().resolve("suite-report");
        Pair pair = alternate(
                () -> ProcessStats.run(List.of(launcher.toString(), "check", "examples/suite.yaml", "--report",
                        report.toString()), options.work(), 1200, options.project()),
                () -> ProcessStats.run(List.of(options.java(), "-version"), options.work(), 60));
        row("`check examples/suite.yaml`", "`java -version`", pair, "<= 4 s", pair.ours().wall() <= 4,
                "every case passed (exit 0)");
    }

    private void compare(double megabytes) throws Exception {
        Path folder = Files.createDirectories(options.work().resolve("trace"));
        // a column of the Izhikevich trace takes about 11.7 bytes per row, and there are 40 001 rows
        int columns = Math.max(1, (int) Math.ceil(megabytes * 1e6 / (40_001 * 11.7)));
        Path model = ScaledModel.wideTrace(folder, columns);
        ProcessStats made = ProcessStats.run(List.of(launcher.toString(), "simulate", model.toString(), "-I",
                coreTypes.toString(), "-o", folder.toString()), options.work(), 3600);
        made.checked("simulate " + model.getFileName());
        Path candidate = folder.resolve("izh_wide_N" + columns + ".dat");
        Path reference = folder.resolve("reference.dat");
        Files.copy(candidate, reference, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(folder.resolve(candidate.getFileName() + ".json"), folder.resolve("reference.dat.json"),
                StandardCopyOption.REPLACE_EXISTING);
        long bytes = Files.size(reference) + Files.size(candidate);
        Pair pair = alternate(
                () -> ProcessStats.run(List.of(launcher.toString(), "compare", reference.toString(),
                        candidate.toString()), options.work(), 3600),
                () -> ProcessStats.run(List.of("cmp", reference.toString(), candidate.toString()), options.work(), 3600));
        double rate = bytes / 1e6 / pair.ours().wall();
        row(String.format(Locale.ROOT, "`compare` 2 x %.0f MB (%d columns, same grid)", bytes / 2e6, columns),
                "`cmp` of the files", pair, "< 250 MiB, >= 150 MB/s",
                pair.ours().rssMib() < 250 && rate >= 150, String.format(Locale.ROOT,
                        "%.0f MB/s (both files over the wall time); cmp %.0f MB/s", rate,
                        bytes / 1e6 / pair.anchor().wall()));
    }

    // ---- running ----

    private interface Process {
        ProcessStats run() throws Exception;
    }

    /** Median wall and CPU seconds, largest peak RSS. */
    private record Measured(double wall, double cpu, double rssMib) {
    }

    private record Pair(Measured ours, Measured anchor) {
    }

    /** Runs both {@code repeat} times, alternately (which one goes first alternates too). */
    private Pair alternate(Process ours, Process anchor) throws Exception {
        List<ProcessStats> a = new ArrayList<>();
        List<ProcessStats> b = new ArrayList<>();
        for (int i = 0; i < options.repeat(); i++) {
            if (i % 2 == 0) {
                a.add(ours.run().checked("a measured process"));
                b.add(anchor.run().checked("a measured process"));
            } else {
                b.add(anchor.run().checked("a measured process"));
                a.add(ours.run().checked("a measured process"));
            }
        }
        return new Pair(measured(a), measured(b));
    }

    private static Measured measured(List<ProcessStats> runs) {
        return new Measured(BenchOptions.median(runs.stream().map(ProcessStats::wallSeconds).toList()),
                BenchOptions.median(runs.stream().map(ProcessStats::cpuSeconds).toList()),
                runs.stream().mapToDouble(ProcessStats::peakRssMib).max().orElse(Double.NaN));
    }

    private Path modelFolder(String name, Path model) throws IOException {
        Path folder = Files.createDirectories(options.work().resolve(name));
        Files.copy(model, folder.resolve(model.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> types = Files.list(coreTypes)) {
            for (Path type : types.filter(f -> f.toString().endsWith(".xml")).toList()) {
                Files.copy(type, folder.resolve(type.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    /** IzhLimit.java compiled once, so its runs start like any compiled program (not through the source launcher). */
    private Path limitClasses() throws Exception {
        Path classes = options.work().resolve("izhlimit-classes");
        if (!Files.exists(classes.resolve("IzhLimit.class"))) {
            Files.createDirectories(classes);
            Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
            ProcessStats.run(List.of(javac.toString(), "-d", classes.toString(),
                    options.shared().resolve("reference-data/scaling/IzhLimit.java").toString()), options.work(), 600)
                    .checked("javac IzhLimit");
        }
        return classes;
    }

    // ---- the table ----

    private void row(String workload, String anchor, Pair pair, String target, boolean met, String notes) {
        String line = String.format(Locale.ROOT, "| %s | %.2f | %s | %.2f | %.2f | %s | %s | %.2f / %.2f | %.0f / %.0f | %s |",
                workload, pair.ours().wall(), anchor, pair.anchor().wall(), pair.ours().wall() / pair.anchor().wall(),
                target, met ? "yes" : "**no**", pair.ours().cpu(), pair.anchor().cpu(), pair.ours().rssMib(),
                pair.anchor().rssMib(), notes);
        System.out.println(line);
        rows.add(line);
    }

    /** What the launcher maps on this JVM (see the launcher). */
    private static String archiveKind() {
        return Runtime.version().feature() >= 25 ? "ahead-of-time cache" : "class-data-sharing archive";
    }

    private String table(String machine) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("Machine: ").append(machine.replace("\n", "; ")).append("; load average at the end ")
                .append(MachineDescription.loadAverage()).append("\n\n");
        text.append("| workload | lemsbridge wall s | anchor | anchor wall s | ratio | target | met | CPU s (ours / anchor)"
                + " | peak RSS MiB (ours / anchor) | notes |\n|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> text.append(r).append('\n'));
        text.append("\nWhole processes, each workload and its anchor alternately, ").append(options.repeat())
                .append(" runs each: median wall and CPU (user + sys) seconds, largest peak RSS (`/usr/bin/time -v`). "
                        + "lemsbridge runs as `./lemsbridge` (launcher options and its archive: " + archiveKind()
                        + ").\n");
        return text.toString();
    }
}
