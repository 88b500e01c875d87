package org.lemsbridge.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lemsbridge.compare.Comparison;
import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.StreamingComparator;
import org.lemsbridge.compare.StreamingComparator.TraceFile;
import org.lemsbridge.trace.TraceReader;
import org.lemsbridge.trace.TraceRows;

/**
 * Where the streaming compare's time goes, in one JVM: parsing one file row by row on this thread, then the whole
 * streaming compare with its second pass from the spill file and with the files parsed again. Prints, per repetition,
 * wall, process CPU and this (metrics) thread's CPU milliseconds and MB/s. Usage:
 * {@code CompareStreamProbe REF CAND [repeat]}; a machine shared with other work shows in wall, not much in CPU.
 */
public final class CompareStreamProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompareStreamProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path reference = Path.of(args[0]);
        Path candidate = Path.of(args[1]);
        int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long referenceBytes = Files.size(reference);
        long bothBytes = referenceBytes + Files.size(candidate);
        for (int i = 0; i < repeat; i++) {
            measure("parse reference", referenceBytes, () -> {
                try (TraceRows rows = TraceReader.openRows(reference, List.of())) {
                    double[] row = new double[rows.width()];
                    long count = 0;
                    while (rows.next(row)) {
                        count++;
                    }
                    return count + " rows";
                }
            });
            for (boolean spill : new boolean[] {true, false}) {
                measure(spill ? "compare, spill file" : "compare, parse twice", bothBytes, () -> {
                    Optional<Comparison> result = StreamingComparator.compare(new TraceFile(reference, List.of()),
                            new TraceFile(candidate, List.of()), ComparisonOptions.defaults(), spill);
                    return result.map(c -> c.verdict().tier().toString()).orElse("not streamed");
                });
            }
        }
    }

    private interface Work {
        String run() throws Exception;
    }

    private static void measure(String what, long bytes, Work work) throws Exception {
        long wall = System.nanoTime();
        long process = processCpuNanos();
        long thread = THREADS.getCurrentThreadCpuTime();
        String result = work.run();
        double wallMs = (System.nanoTime() - wall) / 1e6;
        System.out.printf(Locale.ROOT, "%-22s wall_ms=%8.1f cpu_ms=%8.1f main_cpu_ms=%8.1f MB/s(wall)=%6.1f %s%n",
                what, wallMs, (processCpuNanos() - process) / 1e6, (THREADS.getCurrentThreadCpuTime() - thread) / 1e6,
                bytes / 1e3 / wallMs, result);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
