package org.lemsbridge.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.lemsbridge.compare.ComparisonOptions;
import org.lemsbridge.compare.ComparisonRun;
import org.lemsbridge.compare.TraceComparator;
import org.lemsbridge.trace.Trace;
import org.lemsbridge.suite.TraceLoader;

/**
 * Reads a reference and a candidate trace as the CLI does (together) and compares them with the default options, in
 * this JVM; prints {@code read_ns=.. compare_ns=.. bytes=.. passed=..}. Usage: {@code CompareProbe REF CAND}.
 */
public final class CompareProbe {

    private CompareProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path reference = Path.of(args[0]);
        Path candidate = Path.of(args[1]);
        long t0 = System.nanoTime();
        TraceLoader.TracePair traces = TraceLoader.readPair(() -> TraceLoader.read(reference),
                () -> TraceLoader.read(candidate));
        Trace ref = traces.reference();
        long t2 = System.nanoTime();
        ComparisonRun run = TraceComparator.run(ref, traces.candidate(), ComparisonOptions.defaults());
        long t3 = System.nanoTime();
        System.out.println("read_ns=" + (t2 - t0) + " compare_ns=" + (t3 - t2)
                + " bytes=" + (Files.size(reference) + Files.size(candidate)) + " passed="
                + run.comparison().passed() + " columns=" + ref.columnCount() + " rows=" + ref.rows());
    }
}
