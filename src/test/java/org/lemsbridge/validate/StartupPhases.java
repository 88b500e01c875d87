package org.lemsbridge.validate;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.lemsbridge.cli.Main;
import org.lemsbridge.lems.IncludedDocument;
import org.lemsbridge.lems.LemsModel;
import org.lemsbridge.lems.LemsReader;
import org.lemsbridge.sim.SimulationOptions;
import org.lemsbridge.sim.SimulationResult;
import org.lemsbridge.sim.Simulator;

/**
 * The start-up profile's probe (run in a fresh JVM by {@code org.lemsbridge.bench.StartupProfile}): does what
 * {@code lemsbridge simulate MODEL [-I DIR]... -o OUT} does, phase by phase, and prints one line per phase with its
 * wall, process CPU and main-thread CPU milliseconds (the last excludes the JIT compiler and GC threads, and is the
 * steadiest on a loaded machine). Before each phase ends it loads a marker class ({@code StartupPhases$MarkN}), so
 * a {@code -Xlog:class+load} log splits into the classes each phase loaded. It lives in the validator's package to
 * call the validator's checks one by one, as {@link Validator#require} calls them.
 * <p>
 * Arguments: {@code MODEL OUT [INCLUDE_DIR]...}.
 */
public final class StartupPhases {
    /** Phase names, in order; the orchestrator relies on them. */
    public static final List<String> PHASES = List.of("command line (to a missing file)", "read XML + includes",
            "build model (types, components)", "validator checks", "simulate (tree, compile, loop, files)");

    /** Linux's USER_HZ, the unit of {@code /proc}'s CPU times: 100 on every architecture it runs on. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final List<String> lines = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wall = System.nanoTime();
    private long cpu = cpuNanos();
    private long mainCpu = threads.getCurrentThreadCpuTime();

    private StartupPhases() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path model = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<Path> folders = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            folders.add(Path.of(args[i]));
        }
        StartupPhases phases = new StartupPhases();
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        String[] missing = {"simulate", out.resolve("no-such-model.xml").toString(), "-nogui"};
        if (Main.execute(missing, nowhere, nowhere) != 2) {
            throw new IllegalStateException("simulate of a missing file did not exit with 2");
        }
        phases.end(0);
        IncludedDocument document = IncludedDocument.read(model, folders);
        phases.end(1);
        LemsModel lems = LemsReader.read(document);
        phases.end(2);
        List<Finding> findings = new ArrayList<>(StructureCheck.check(document.elements()));
        findings.addAll(ReferenceCheck.check(lems));
        findings.addAll(FiniteValues.check(lems));
        findings.addAll(OutputPathCheck.check(lems));
        RunLimits.check(lems).ifPresent(findings::add);
        findings.addAll(DimensionCheck.check(lems, model.toString(), UndeclaredDimensions.of(document.elements())));
        if (findings.stream().anyMatch(Finding::isError)) {
            throw new IllegalStateException("the model has errors: " + findings);
        }
        phases.end(3);
        SimulationResult result = Simulator.build(lems, new SimulationOptions(out.toAbsolutePath(), null)).run();
        phases.end(4);
        phases.lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "loop\t%.3f%n", result.loopNanos() / 1e6);
        System.out.printf(Locale.ROOT, "main\t%.3f%n", (System.nanoTime() - start) / 1e6);
        threadCpu().forEach((name, millis) -> System.out.printf(Locale.ROOT, "thread\t%s\t%d%n", name, millis));
    }

    /**
     * CPU milliseconds of the process's threads by name (numbers dropped: {@code C2 CompilerThread0} and 1 are one),
     * from Linux's {@code /proc/self/task}, so the JIT compiler and GC threads show too; threads that have ended (the
     * output thread) are counted together. Empty where there is no {@code /proc}.
     */
    private static Map<String, Long> threadCpu() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        Map<String, Long> byName = new TreeMap<>();
        if (!Files.isDirectory(tasks)) {
            return byName;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (NoSuchFileException ended) { // between the listing and now: counted as ended below
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+$", "");
                long used = clockTicks(stat);
                byName.merge(name, used, Long::sum);
                ticks += used;
            }
        }
        byName.put("ended before exit", clockTicks(Files.readString(Path.of("/proc/self/stat"))) - ticks);
        byName.replaceAll((name, used) -> used * 1000 / CLOCK_TICKS_PER_SECOND);
        byName.values().removeIf(used -> used == 0);
        return byName;
    }

    /** utime + stime, the 14th and 15th fields of a {@code stat} line (counted after the parenthesised name). */
    private static long clockTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** Ends phase {@code index}: loads its marker class and records its wall and process CPU time. */
    private void end(int index) throws ClassNotFoundException {
        Class.forName(StartupPhases.class.getName() + "$Mark" + index);
        long now = System.nanoTime();
        long cpuNow = cpuNanos();
        long mainCpuNow = threads.getCurrentThreadCpuTime();
        lines.add(String.format(Locale.ROOT, "phase\t%d\t%s\t%.3f\t%.3f\t%.3f", index, PHASES.get(index),
                (now - wall) / 1e6, (cpuNow - cpu) / 1e6, (mainCpuNow - mainCpu) / 1e6));
        wall = now;
        cpu = cpuNow;
        mainCpu = mainCpuNow;
    }

    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    static final class Mark0 { }
    static final class Mark1 { }
    static final class Mark2 { }
    static final class Mark3 { }
    static final class Mark4 { }
}
