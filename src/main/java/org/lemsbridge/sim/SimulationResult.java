package org.lemsbridge.sim;

import java.nio.file.Path;
import java.util.List;

import org.lemsbridge.trace.WrittenTrace;

/**
 * What a run wrote: each output file with its row count (events for event files), the number of steps, and the
 * wall time of the stepping loop (initial state through the last row, recording included; building and finishing
 * the files excluded), and the report and times files the Target asked for.
 */
public record SimulationResult(List<WrittenFile> files, long steps, long loopNanos, List<Path> reports) {

    public SimulationResult {
        files = List.copyOf(files);
        reports = List.copyOf(reports);
    }

    public SimulationResult(List<WrittenFile> files, long steps) {
        this(files, steps, 0L, List.of());
    }

    /** {@code sidecar} is null for event files. */
    public record WrittenFile(String id, Path path, Path sidecar, long rows) {

        /** The file the OutputFile or EventOutputFile {@code id} wrote. */
        static WrittenFile of(String id, WrittenTrace written) {
            return new WrittenFile(id, written.file(), written.sidecar(), written.rows());
        }
    }
}
