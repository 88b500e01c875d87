package org.lemsbridge.sim;

import java.nio.file.Path;
import java.util.List;

/** What a run wrote: each output file with its row count (events for event files), and the number of steps. */
public record SimulationResult(List<WrittenFile> files, long steps) {

    public SimulationResult {
        files = List.copyOf(files);
    }

    /** {@code sidecar} is null for event files. */
    public record WrittenFile(String id, Path path, Path sidecar, long rows) {
    }
}
